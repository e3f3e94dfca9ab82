using System.Buffers;
using System.Text;

namespace DrsOrchestrator.Functions.Api.Pipeline;

/// <summary>A growable UTF-8 buffer for <see cref="System.Text.Json.Utf8JsonWriter"/>.</summary>
internal sealed class ArrayBufferWriterStream : IBufferWriter<byte>
{
    private readonly ArrayBufferWriter<byte> inner = new(1024);

    public void Advance(int count) => inner.Advance(count);

    public Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

    public string ToUtf8String() => Encoding.UTF8.GetString(inner.WrittenSpan);
}
