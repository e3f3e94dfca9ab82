using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DrsOrchestrator.Functions.Api.Pipeline;

/// <summary>A successful outcome; failures are thrown as <see cref="Domain.Common.DomainException"/>.</summary>
internal sealed class HandlerResult
{
    private HandlerResult(int status, Action<Utf8JsonWriter>? writeData, string? rawJson)
    {
        Status = status;
        WriteData = writeData;
        RawJson = rawJson;
    }

    public int Status { get; }

    /// <summary>Writes the <c>data</c> member of the envelope.</summary>
    public Action<Utf8JsonWriter>? WriteData { get; }

    /// <summary>A document served as is, outside the envelope (the OpenAPI document).</summary>
    public string? RawJson { get; }

    public static HandlerResult Ok<T>(T data, JsonTypeInfo<T> typeInfo) => WithStatus(200, data, typeInfo);

    public static HandlerResult Created<T>(T data, JsonTypeInfo<T> typeInfo) => WithStatus(201, data, typeInfo);

    public static HandlerResult Accepted<T>(T data, JsonTypeInfo<T> typeInfo) => WithStatus(202, data, typeInfo);

    public static HandlerResult NoContent() => new(204, null, null);

    public static HandlerResult Raw(string json) => new(200, null, json);

    public static HandlerResult WithStatus<T>(int status, T data, JsonTypeInfo<T> typeInfo) =>
        new(status, writer => JsonSerializer.Serialize(writer, data, typeInfo), null);
}
