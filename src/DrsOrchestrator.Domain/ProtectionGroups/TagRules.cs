using System.Text.RegularExpressions;
using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.ProtectionGroups;

/// <summary>DRS tag limits: keys 1–128 characters and not under the reserved <c>aws:</c> prefix, values up to 256.</summary>
internal static partial class TagRules
{
    public static void ValidateKey(string? key, string field, ValidationProblems problems)
    {
        if (string.IsNullOrEmpty(key))
        {
            problems.Add(field, ErrorCodes.InvalidTagCriteria, "A tag key is required.");
        }
        else if (key.Length > ProtectionGroupLimits.MaxTagKeyLength)
        {
            problems.Add(field, ErrorCodes.InvalidTagCriteria, $"A tag key is at most {ProtectionGroupLimits.MaxTagKeyLength} characters.");
        }
        else if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(field, ErrorCodes.InvalidTagCriteria, "Tag keys starting with 'aws:' are reserved by AWS.");
        }
        else if (!TagCharacters().IsMatch(key))
        {
            problems.Add(field, ErrorCodes.InvalidTagCriteria, "A tag key may contain letters, digits, spaces and _ . : / = + - @ only.");
        }
    }

    public static void ValidateValue(string? value, string field, ValidationProblems problems)
    {
        if (value is null)
        {
            problems.Add(field, ErrorCodes.InvalidTagCriteria, "A tag value is required (it may be empty).");
        }
        else if (value.Length > ProtectionGroupLimits.MaxTagValueLength)
        {
            problems.Add(field, ErrorCodes.InvalidTagCriteria, $"A tag value is at most {ProtectionGroupLimits.MaxTagValueLength} characters.");
        }
        else if (!TagCharacters().IsMatch(value))
        {
            problems.Add(field, ErrorCodes.InvalidTagCriteria, "A tag value may contain letters, digits, spaces and _ . : / = + - @ only.");
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TagCharacters();
}
