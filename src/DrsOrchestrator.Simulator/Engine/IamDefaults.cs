using System.Security.Cryptography;
using System.Text;
using DrsOrchestrator.Simulator.Model;

namespace DrsOrchestrator.Simulator.Engine;

/// <summary>What IAM shows in an account the scenario says nothing about: DRS's own recovery-instance profile and two application profiles.</summary>
internal static class IamDefaults
{
    public static readonly IReadOnlyList<string> InstanceProfileNames =
        ["AWSElasticDisasterRecoveryRecoveryInstanceRole", "drs-recovery-app", "drs-recovery-db"];

    /// <summary>IAM existed long before any simulated run; a fixed creation date keeps answers stable.</summary>
    private static readonly DateTimeOffset Created = new(2024, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<SimInstanceProfile> InstanceProfiles(string accountId, IReadOnlyList<string>? names) =>
        [.. (names ?? InstanceProfileNames).Select(name => new SimInstanceProfile(
            name,
            "AIPA" + Id($"{accountId}/profile/{name}"),
            $"arn:aws:iam::{accountId}:instance-profile/{name}",
            "/",
            name,
            $"arn:aws:iam::{accountId}:role/{name}",
            "AROA" + Id($"{accountId}/role/{name}"),
            Created))];

    private static string Id(string seed) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..17];
}
