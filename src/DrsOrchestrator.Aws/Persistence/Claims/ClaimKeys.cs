using System.Globalization;

namespace DrsOrchestrator.Aws.Persistence.Claims;

/// <summary>Lock item keys. Prefixes keep the kinds apart in one table; the owner type tells who may release them.</summary>
internal static class ClaimKeys
{
    public const string GroupOwner = "PG";
    public const string PlanOwner = "PLAN";
    public const string ExecutionOwner = "EXEC";

    /// <summary>Owner of an account's reference item; it is never a claim, so no claim is ever released under it.</summary>
    public const string AccountOwner = "ACCOUNT";

    public static string GroupServer(string accountId, string region, string sourceServerId) =>
        $"PG_SERVER#{accountId}#{region}#{sourceServerId}";

    /// <summary>Names compare case-insensitively: "Web" and "web" in one console would be indistinguishable to operators.</summary>
    public static string GroupName(string name) => $"PG_NAME#{name.Trim().ToUpperInvariant()}";

    /// <summary>Two groups with the same tag criteria in one account and region would select the same servers.</summary>
    public static string GroupTags(string accountId, string region, IEnumerable<(string Key, string Value)> criteria) =>
        $"PG_TAGS#{accountId}#{region}#" + string.Join(
            "&",
            criteria.OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"{Uri.EscapeDataString(c.Key)}={Uri.EscapeDataString(c.Value)}")));

    public static string PlanName(string name) => $"PLAN_NAME#{name.Trim().ToUpperInvariant()}";

    public static string ActivePlan(string planId) => $"EXEC_PLAN#{planId}";

    /// <summary>The reference item of a protection group: which plans name it (see <see cref="ReferenceWrites"/>).</summary>
    public static string GroupReferences(string groupId) => $"PG_REFS#{groupId}";

    /// <summary>The reference item of an account: which protection groups are in it.</summary>
    public static string AccountReferences(string accountId) => $"ACCOUNT_REFS#{accountId}";

    public static string ActiveServer(string accountId, string region, string sourceServerId) =>
        $"EXEC_SERVER#{accountId}#{region}#{sourceServerId}";
}
