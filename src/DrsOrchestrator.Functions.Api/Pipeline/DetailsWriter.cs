using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace DrsOrchestrator.Functions.Api.Pipeline;

/// <summary>Writes the loosely typed <c>details</c> of a domain error without reflection-based serialization.</summary>
internal static class DetailsWriter
{
    public static void Write(Utf8JsonWriter writer, object? value, int depth = 0)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int or long or short or byte:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset d:
                writer.WriteStringValue(d);
                break;
            case Domain.Common.ValidationProblem problem:
                writer.WriteStartObject();
                writer.WriteString("field", problem.Field);
                writer.WriteString("code", problem.Code);
                writer.WriteString("message", problem.Message);
                writer.WriteEndObject();
                break;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                break;
            case IEnumerable<KeyValuePair<string, object?>> map when depth < 8:
                writer.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    writer.WritePropertyName(k);
                    Write(writer, v, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items when depth < 8:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
