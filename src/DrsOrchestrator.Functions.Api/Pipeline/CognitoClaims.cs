using DrsOrchestrator.Domain.Security;

namespace DrsOrchestrator.Functions.Api.Pipeline;

/// <summary>Reads Cognito id-token claims as the API Gateway Cognito authorizer (or the local sign-in) passes them.</summary>
public static class CognitoClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Groups = "cognito:groups";

    /// <summary>The caller, or null when the claims carry no subject (no usable identity).</summary>
    public static CallerIdentity? ToIdentity(IReadOnlyDictionary<string, string>? claims)
    {
        if (claims is null || !claims.TryGetValue(Subject, out var sub) || string.IsNullOrWhiteSpace(sub))
        {
            return null;
        }

        claims.TryGetValue(Email, out var email);
        claims.TryGetValue(Groups, out var groups);
        return CallerIdentity.FromClaims(sub, string.IsNullOrWhiteSpace(email) ? null : email, ParseGroups(groups));
    }

    /// <summary>
    /// API Gateway flattens the groups array into a string; depending on the path it arrives as
    /// <c>a,b</c>, <c>a b</c>, <c>[a b]</c>, <c>[a, b]</c> or a JSON array. All mean the same.
    /// </summary>
    public static IReadOnlyList<string> ParseGroups(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return [];
        }

        var trimmed = raw.Trim();
        if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
        {
            trimmed = trimmed[1..^1];
        }

        return trimmed
            .Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => g.Trim('"', '\''))
            .Where(g => g.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }
}
