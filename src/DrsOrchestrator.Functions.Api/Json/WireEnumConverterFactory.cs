using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrsOrchestrator.Functions.Api.Json;

/// <summary>Writes enums as UPPER_SNAKE names (DRILL, IN_PROGRESS), the spelling <see cref="WireEnum"/> accepts; never as numbers.</summary>
internal sealed class WireEnumConverterFactory : JsonConverterFactory
{
    private readonly JsonStringEnumConverter inner = new(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) => inner.CreateConverter(typeToConvert, options);
}
