using DrsOrchestrator.Application.Inventory;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Planning;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Application.RecoveryPlans;

/// <summary>
/// Answers "would this plan run now?" without running it: every check reports per server or location,
/// and a figure that cannot be read is UNKNOWN, never a silent pass.
/// </summary>
public sealed class PlanReadinessService(
    RecoveryPlanService plans,
    PlanFleet fleet,
    DrsUsageReader usage,
    IDrsClientFactory drs,
    IExecutionRepository executions,
    TimeProvider time)
{
    private static readonly IReadOnlySet<string> UnhealthyStates = new HashSet<string>(StringComparer.Ordinal) { "STALLED", "DISCONNECTED", "STOPPED", "PAUSED" };

    public DrsLimits Limits { get; init; } = DrsLimits.Default;

    public async Task<ReadinessReport> CheckAsync(string planId, CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync(planId, cancellationToken).ConfigureAwait(false);
        var snapshot = await fleet.LoadAsync(plan, cancellationToken).ConfigureAwait(false);
        var present = snapshot.Servers.Where(s => s.Drs is not null).ToList();
        var checks = new List<ReadinessCheck>
        {
            ServersExist(plan, snapshot),
            ReplicationHealthy(present),
            ReplicationLag(plan, present),
            await LaunchSettingsAsync(present, cancellationToken).ConfigureAwait(false),
            await QuotasAsync(snapshot, cancellationToken).ConfigureAwait(false),
            await ConflictsAsync(plan, snapshot, cancellationToken).ConfigureAwait(false),
        };
        var worst = checks.Max(c => c.Status);
        return new ReadinessReport(plan.PlanId, plan.Name, worst < ReadinessStatus.Unknown, worst, snapshot.Servers.Count, time.GetUtcNow(), checks);
    }

    /// <summary>Recovery instances DRS already holds for the plan's servers (a drill left running, or an earlier recovery).</summary>
    public async Task<ExistingInstancesReport> ExistingInstancesAsync(string planId, CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync(planId, cancellationToken).ConfigureAwait(false);
        var snapshot = await fleet.LoadAsync(plan, cancellationToken).ConfigureAwait(false);
        var found = new List<ExistingInstance>();
        var unreadable = snapshot.UnreadableLocations.Keys.Select(l => l.ToString()).ToList();
        foreach (var location in snapshot.Servers.GroupBy(s => s.Server.Location))
        {
            var byServer = location.GroupBy(s => s.Server.SourceServerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            try
            {
                foreach (var chunk in byServer.Keys.Chunk(200))
                {
                    await foreach (var instance in drs.For(location.Key.AccountId, location.Key.Region)
                        .DescribeAllRecoveryInstancesAsync(new DrsRecoveryInstanceQuery(SourceServerIds: chunk), cancellationToken).ConfigureAwait(false))
                    {
                        if (instance.SourceServerId is { } id && byServer.TryGetValue(id, out var server)
                            && !string.Equals(instance.Ec2InstanceState, "TERMINATED", StringComparison.OrdinalIgnoreCase))
                        {
                            found.Add(new ExistingInstance(id, location.Key.AccountId, location.Key.Region, server.WaveName, instance.RecoveryInstanceId,
                                instance.Ec2InstanceId, instance.Ec2InstanceState, instance.IsDrill, instance.JobId));
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is AwsServiceException or HttpRequestException or DomainException)
            {
                unreadable.Add(location.Key.ToString());
            }
        }

        return new ExistingInstancesReport(plan.PlanId, snapshot.Servers.Count, found, unreadable);
    }

    private static ReadinessCheck ServersExist(RecoveryPlan plan, PlanFleetSnapshot snapshot)
    {
        var findings = new List<ReadinessFinding>();
        findings.AddRange(snapshot.MissingGroupIds.Select(g => new ReadinessFinding(g, ReadinessStatus.Fail, "The protection group no longer exists.")));
        findings.AddRange(snapshot.UnreadableLocations.Select(l => new ReadinessFinding(l.Key.ToString(), ReadinessStatus.Unknown, "DRS could not be listed: " + l.Value)));
        findings.AddRange(snapshot.Servers.Where(s => s.Drs is null).Select(s => new ReadinessFinding(s.Server.SourceServerId, ReadinessStatus.Fail, $"DRS has no such source server in {s.Server.Location} (group {s.GroupId}).")));
        for (var w = 0; w < plan.Waves.Count; w++)
        {
            // A wave in an unreadable location is already UNKNOWN; calling it empty would claim more than we know.
            var groupsReadable = plan.Waves[w].ProtectionGroupIds.All(g => snapshot.Groups.TryGetValue(g, out var group)
                && !snapshot.UnreadableLocations.ContainsKey(new AccountRegion(group.AccountId, group.Region)));
            if (!snapshot.Servers.Any(s => s.WaveIndex == w) && groupsReadable)
            {
                findings.Add(new ReadinessFinding(plan.Waves[w].Name, ReadinessStatus.Fail, "The wave selects no source server."));
            }
        }

        return Summarise("SERVERS_EXIST", findings, $"All {snapshot.Servers.Count} source servers exist in DRS.");
    }

    private static ReadinessCheck ReplicationHealthy(IReadOnlyList<PlanServer> servers)
    {
        var findings = servers
            .Where(s => s.Drs!.ReplicationState != "CONTINUOUS")
            .Select(s => new ReadinessFinding(
                s.Server.SourceServerId,
                UnhealthyStates.Contains(s.Drs!.ReplicationState ?? "") ? ReadinessStatus.Fail : ReadinessStatus.Warn,
                $"Replication state is {s.Drs!.ReplicationState ?? "unknown"}."))
            .ToList();
        return Summarise("REPLICATION_HEALTHY", findings, $"All {servers.Count} source servers replicate continuously.");
    }

    private static ReadinessCheck ReplicationLag(RecoveryPlan plan, IReadOnlyList<PlanServer> servers)
    {
        if (plan.RpoTargetMinutes is not { } rpo)
        {
            return new ReadinessCheck("REPLICATION_LAG", ReadinessStatus.Skipped, "The plan sets no RPO target.", []);
        }

        var limit = TimeSpan.FromMinutes(rpo);
        var findings = new List<ReadinessFinding>();
        foreach (var s in servers)
        {
            if (s.Drs!.ReplicationLag is not { } lag)
            {
                findings.Add(new ReadinessFinding(s.Server.SourceServerId, ReadinessStatus.Unknown, "DRS reports no replication lag."));
            }
            else if (lag > limit)
            {
                findings.Add(new ReadinessFinding(s.Server.SourceServerId, ReadinessStatus.Fail, $"Lag {lag} exceeds the RPO target of {rpo} minutes."));
            }
        }

        return Summarise("REPLICATION_LAG", findings, $"Every server's lag is within the RPO target of {rpo} minutes.");
    }

    private async Task<ReadinessCheck> LaunchSettingsAsync(IReadOnlyList<PlanServer> servers, CancellationToken cancellationToken)
    {
        var findings = new List<ReadinessFinding>();
        foreach (var s in servers)
        {
            try
            {
                var configuration = await drs.For(s.Server.AccountId, s.Server.Region).GetLaunchConfigurationAsync(s.Server.SourceServerId, cancellationToken).ConfigureAwait(false);
                if (string.IsNullOrEmpty(configuration.Ec2LaunchTemplateId))
                {
                    findings.Add(new ReadinessFinding(s.Server.SourceServerId, ReadinessStatus.Fail, "The server has no EC2 launch template."));
                }
            }
            catch (Exception ex) when (ex is AwsServiceException or HttpRequestException or DomainException)
            {
                findings.Add(new ReadinessFinding(s.Server.SourceServerId, ReadinessStatus.Unknown, "The launch configuration could not be read: " + ex.Message));
            }
        }

        return Summarise("LAUNCH_SETTINGS", findings, $"All {servers.Count} launch configurations are readable and have a launch template.");
    }

    private async Task<ReadinessCheck> QuotasAsync(PlanFleetSnapshot snapshot, CancellationToken cancellationToken)
    {
        var findings = new List<ReadinessFinding>();
        foreach (var location in snapshot.Servers.Select(s => s.Server.Location).Distinct())
        {
            var reading = await usage.ReadAsync(location, cancellationToken).ConfigureAwait(false);
            if (reading.Error is not null)
            {
                findings.Add(new ReadinessFinding(location.ToString(), ReadinessStatus.Unknown, "DRS usage could not be read: " + reading.Error));
                continue;
            }

            if (reading.ReplicatingServers > Limits.MaxReplicatingServers)
            {
                findings.Add(new ReadinessFinding(location.ToString(), ReadinessStatus.Fail, $"{reading.ReplicatingServers} replicating servers exceed the quota of {Limits.MaxReplicatingServers}."));
            }

            foreach (var wave in snapshot.Servers.Where(s => s.Server.Location == location).GroupBy(s => s.WaveIndex))
            {
                var result = DrsQuotaCheck.CheckWave(wave.Select(s => s.Server), [reading.ToReading()], Limits);
                if (result.Verdict != QuotaVerdict.Sufficient)
                {
                    // Insufficient capacity queues jobs rather than failing them: a warning, not a failure.
                    var status = result.Verdict == QuotaVerdict.Unknown ? ReadinessStatus.Unknown : ReadinessStatus.Warn;
                    findings.Add(new ReadinessFinding($"{location} wave '{wave.First().WaveName}'", status, result.Reason ?? result.Verdict.ToString()));
                }
            }
        }

        return Summarise("QUOTAS", findings, "DRS has capacity to launch every wave at once.");
    }

    private async Task<ReadinessCheck> ConflictsAsync(RecoveryPlan plan, PlanFleetSnapshot snapshot, CancellationToken cancellationToken)
    {
        var findings = new List<ReadinessFinding>();
        if (await executions.FindActiveExecutionOfPlanAsync(plan.PlanId, cancellationToken).ConfigureAwait(false) is { } active)
        {
            findings.Add(new ReadinessFinding(plan.PlanId, ReadinessStatus.Fail, $"Execution {active} of this plan is still active."));
        }

        foreach (var duplicate in snapshot.Servers.GroupBy(s => s.Server).Where(g => g.Select(s => s.WaveIndex).Distinct().Count() > 1))
        {
            findings.Add(new ReadinessFinding(duplicate.Key.SourceServerId, ReadinessStatus.Fail, $"Selected by more than one wave: {string.Join(", ", duplicate.Select(s => s.WaveName).Distinct())}."));
        }

        var mine = snapshot.Servers.Select(s => s.Server).ToHashSet();
        foreach (var summary in await executions.ListActiveAsync(cancellationToken).ConfigureAwait(false))
        {
            if (summary.PlanId == plan.PlanId || await executions.GetAsync(summary.ExecutionId, cancellationToken).ConfigureAwait(false) is not { } other)
            {
                continue;
            }

            foreach (var server in other.Waves.SelectMany(w => w.Servers).Where(s => mine.Contains(new SourceServerRef(s.SourceServerId, s.AccountId, s.Region))))
            {
                findings.Add(new ReadinessFinding(server.SourceServerId, ReadinessStatus.Fail, $"In active execution {other.ExecutionId} of plan '{other.Record.Plan.Name}'."));
            }
        }

        return Summarise("NO_CONFLICTS", findings, "No active execution holds the plan or any of its servers.");
    }

    private static ReadinessCheck Summarise(string name, IReadOnlyList<ReadinessFinding> findings, string passMessage)
    {
        if (findings.Count == 0)
        {
            return new ReadinessCheck(name, ReadinessStatus.Pass, passMessage, []);
        }

        var status = findings.Max(f => f.Status);
        return new ReadinessCheck(name, status, $"{findings.Count} finding(s); worst: {findings.First(f => f.Status == status).Message}", findings);
    }
}
