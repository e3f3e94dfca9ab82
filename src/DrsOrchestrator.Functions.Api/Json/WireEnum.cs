using System.Text;
using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Functions.Api.Json;

/// <summary>Enums travel as UPPER_SNAKE names (as DRS spells its own), e.g. SourceServerIds = SOURCE_SERVER_IDS.</summary>
internal static class WireEnum
{
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        var result = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsUpper(text[i]))
            {
                result.Append('_');
            }

            result.Append(char.ToUpperInvariant(text[i]));
        }

        return result.ToString();
    }

    public static T Parse<T>(string value, string field)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Name(candidate), value, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        var allowed = string.Join(" | ", Enum.GetValues<T>().Select(Name));
        throw DomainException.BadRequest(ErrorCodes.InvalidField, $"Field '{field}' must be one of {allowed}.", new Dictionary<string, object?> { ["field"] = field, ["allowed"] = allowed });
    }

    public static T? ParseOptional<T>(string? value, string field)
        where T : struct, Enum =>
        value is null ? null : Parse<T>(value, field);
}
