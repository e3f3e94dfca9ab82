using System.Globalization;

namespace DrsOrchestrator.Tests.Common.Builders;

/// <summary>Deterministic, syntactically valid AWS identifiers for test data.</summary>
public static class TestIds
{
    public const string Region = "us-east-1";
    public const string OtherRegion = "eu-west-1";
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary><c>s-</c> plus 17 hex digits of <paramref name="n"/>: distinct for distinct n.</summary>
    public static string SourceServerId(long n) => "s-" + n.ToString("x17", CultureInfo.InvariantCulture);

    /// <summary>A 12-digit account ID; the 1111… prefix keeps it clearly fictional.</summary>
    public static string AccountId(int n) => (111100000000L + n).ToString(CultureInfo.InvariantCulture);

    public static string SubnetId(int n) => "subnet-" + n.ToString("x17", CultureInfo.InvariantCulture);

    public static string SecurityGroupId(int n) => "sg-" + n.ToString("x17", CultureInfo.InvariantCulture);

    public static string RoleArn(string accountId, string name = "DrsOrchestratorSpokeRole") => $"arn:aws:iam::{accountId}:role/{name}";

    public static IReadOnlyList<string> SourceServerIds(int count, long first = 1) =>
        [.. Enumerable.Range(0, count).Select(i => SourceServerId(first + i))];
}
