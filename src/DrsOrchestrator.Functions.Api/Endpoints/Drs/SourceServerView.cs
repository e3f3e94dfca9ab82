using DrsOrchestrator.Application.Inventory;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Functions.Api.Endpoints.Drs;

/// <param name="ProtectionGroupId">The protection group that selects the server, or null when unassigned.</param>
internal sealed record SourceServerView(
    string SourceServerId,
    string? Arn,
    string? Hostname,
    IReadOnlyList<string> IpAddresses,
    string? OperatingSystem,
    IReadOnlyDictionary<string, string> Tags,
    string? ReplicationState,
    double? ReplicationLagSeconds,
    string? LastLaunchResult,
    string? RecoveryInstanceId,
    string? StagingAccountId,
    string? RecommendedInstanceType,
    string? ProtectionGroupId)
{
    public static SourceServerView From(SourceServerEntry entry) => From(entry.Server, entry.ProtectionGroupId);

    public static SourceServerView From(DrsSourceServer s, string? groupId) => new(
        s.SourceServerId, s.Arn, s.Hostname, s.IpAddresses, s.OperatingSystem, s.Tags, s.ReplicationState,
        s.ReplicationLag?.TotalSeconds, s.LastLaunchResult, s.RecoveryInstanceId, s.StagingAccountId, s.RecommendedInstanceType, groupId);
}
