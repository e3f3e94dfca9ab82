using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrsOrchestrator.Aws.Wire;

/// <summary>aws-json timestamps are epoch seconds with a fraction (e.g. 1.7e9 + .123).</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000)),
            JsonTokenType.String => DateTimeOffset.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new JsonException($"Expected a timestamp, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000.0);
}
