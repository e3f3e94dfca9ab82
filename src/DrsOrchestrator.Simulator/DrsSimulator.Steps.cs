using DrsOrchestrator.Simulator.Diagnostics;
using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Events;
using DrsOrchestrator.Simulator.Model;

namespace DrsOrchestrator.Simulator;

/// <summary>Job progression: each step runs at its own virtual time, whenever the engine catches up.</summary>
public sealed partial class DrsSimulator
{
    private void ProcessDueLocked(DateTimeOffset now)
    {
        while (_steps.TryPeek(out var step, out _) && step.Due <= now)
        {
            _steps.Dequeue();
            RunStepLocked(step);
        }
    }

    private void RunStepLocked(ScheduledStep step)
    {
        var region = step.Region;
        if (step.Kind == StepKind.DeliverEvent)
        {
            _outbox.Enqueue(step.Event!);
            return;
        }

        if (!region.Jobs.TryGetValue(step.JobId, out var job))
        {
            return;
        }

        switch (step.Kind)
        {
            case StepKind.JobStarted:
                StartJobLocked(region, job, step.Due);
                break;
            case StepKind.SnapshotStart:
                var snapshotId = region.Runtimes[job.JobId].SnapshotIds.GetValueOrDefault(step.ServerId!);
                SetServerStatusLocked(region, job, step.ServerId!, "IN_PROGRESS", null);
                Log(region, job, new SimJobLogItem(snapshotId is null ? "SNAPSHOT_START" : "USING_PREVIOUS_SNAPSHOT", step.Due, step.ServerId));
                break;
            case StepKind.SnapshotEnd:
                if (region.Runtimes[job.JobId].SnapshotIds.GetValueOrDefault(step.ServerId!) is null)
                {
                    Log(region, job, new SimJobLogItem("SNAPSHOT_END", step.Due, step.ServerId));
                }

                break;
            case StepKind.ConversionStart:
                Log(region, job, new SimJobLogItem("CONVERSION_START", step.Due, step.ServerId, ConversionServerId: "i-" + NewHex(17)));
                break;
            case StepKind.ConversionEnd:
                Log(region, job, new SimJobLogItem("CONVERSION_END", step.Due, step.ServerId));
                break;
            case StepKind.LaunchStart:
                LaunchStartLocked(region, job, step.ServerId!, step.Due);
                break;
            case StepKind.LaunchEnd:
                LaunchEndLocked(region, job, step.ServerId!, step.Due);
                break;
            case StepKind.TerminateStart:
                TerminateStartLocked(region, job, step.ServerId!, step.Due);
                break;
            case StepKind.TerminateEnd:
                TerminateEndLocked(region, job, step.ServerId!, step.Due);
                break;
            default:
                throw new InvalidOperationException($"Unknown step {step.Kind}");
        }
    }

    private void StartJobLocked(RegionState region, SimJob job, DateTimeOffset at)
    {
        region.Jobs[job.JobId] = job with { Status = "STARTED" };
        var durations = Options.Durations;
        foreach (var participant in job.ParticipatingServers)
        {
            var serverId = participant.SourceServerId;
            var stagger = TimeSpan.FromSeconds(_durationRandom.NextDouble() * 5);
            if (job.Type == "TERMINATE")
            {
                var start = at + stagger;
                Schedule(new ScheduledStep(start, region, StepKind.TerminateStart, job.JobId, serverId));
                Schedule(new ScheduledStep(start + Draw(durations.Terminate), region, StepKind.TerminateEnd, job.JobId, serverId));
                continue;
            }

            var windows = region.Servers[serverId].Os == "WINDOWS";
            var snapshotStart = at + stagger;
            var snapshotEnd = snapshotStart + Draw(windows ? durations.WindowsSnapshot : durations.LinuxSnapshot);
            var conversionEnd = snapshotEnd + Draw(windows ? durations.WindowsConversion : durations.LinuxConversion);
            var launchEnd = conversionEnd + Draw(windows ? durations.WindowsLaunch : durations.LinuxLaunch);
            Schedule(new ScheduledStep(snapshotStart, region, StepKind.SnapshotStart, job.JobId, serverId));
            Schedule(new ScheduledStep(snapshotEnd, region, StepKind.SnapshotEnd, job.JobId, serverId));
            Schedule(new ScheduledStep(snapshotEnd, region, StepKind.ConversionStart, job.JobId, serverId));
            Schedule(new ScheduledStep(conversionEnd, region, StepKind.ConversionEnd, job.JobId, serverId));
            Schedule(new ScheduledStep(conversionEnd, region, StepKind.LaunchStart, job.JobId, serverId));
            Schedule(new ScheduledStep(launchEnd, region, StepKind.LaunchEnd, job.JobId, serverId));
        }
    }

    private TimeSpan Draw(TimeSpan mean)
    {
        var jitter = Options.Durations.Jitter;
        var factor = 1 + (jitter * ((2 * _durationRandom.NextDouble()) - 1));
        return TimeSpan.FromTicks((long)(mean.Ticks * factor));
    }

    private void LaunchStartLocked(RegionState region, SimJob job, string serverId, DateTimeOffset at)
    {
        var server = region.Servers[serverId];
        var instanceId = "i-" + NewHex(17);
        if (server.RecoveryInstanceId is { } previous)
        {
            // A new launch replaces the server's previous recovery instance, as DRS does.
            region.RemoveInstance(previous);
        }

        // The instance launches from the launch template's default version as it is now.
        var target = LaunchTargetLocked(region, server);
        var tags = server.LaunchConfiguration.CopyTags
            ? new SortedDictionary<string, string>(server.Tags.ToDictionary(), StringComparer.Ordinal)
            : new SortedDictionary<string, string>(StringComparer.Ordinal);
        region.Instances[instanceId] = new SimRecoveryInstance
        {
            RecoveryInstanceId = instanceId,
            Arn = region.Arn("recovery-instance", instanceId),
            Ec2InstanceId = instanceId,
            Ec2InstanceState = "PENDING",
            SourceServerId = serverId,
            JobId = job.JobId,
            IsDrill = job.IsDrill,
            PointInTimeSnapshotDateTime = at,
            LaunchedAt = at,
            Tags = tags,
            InstanceType = target.InstanceType,
            SubnetId = target.SubnetId,
        };
        region.InstanceOrder.Add(instanceId);
        SetServerStatusLocked(region, job, serverId, "IN_PROGRESS", instanceId);
        Log(region, job, new SimJobLogItem("LAUNCH_START", at, serverId, TargetInstanceId: instanceId));
    }

    private void LaunchEndLocked(RegionState region, SimJob job, string serverId, DateTimeOffset at)
    {
        var server = region.Servers[serverId];
        var faults = Faults;
        var instanceId = job.ParticipatingServers.First(p => p.SourceServerId == serverId).RecoveryInstanceId!;
        var failed = faults.FailLaunchSourceServerIds.Contains(serverId)
            || faults.FailLaunchHostnames.Contains(server.Hostname)
            || (faults.LaunchFailureRate > 0 && _faultRandom.NextDouble() < faults.LaunchFailureRate);
        if (failed)
        {
            region.RemoveInstance(instanceId);
            SetServerStatusLocked(region, job, serverId, "FAILED", null);
            region.Servers[serverId] = server with { LastLaunchResult = "FAILED" };
            Log(region, job, new SimJobLogItem("LAUNCH_FAILED", at, serverId, TargetInstanceId: instanceId, RawError: "Simulated launch failure (fault injection)"));
        }
        else
        {
            var instance = region.Instances[instanceId];
            region.Instances[instanceId] = instance with
            {
                Ec2InstanceState = server.LaunchConfiguration.LaunchDisposition == "STOPPED" ? "STOPPED" : "RUNNING",
            };
            SetServerStatusLocked(region, job, serverId, "LAUNCHED", instanceId);
            region.Servers[serverId] = server with { LastLaunchResult = "SUCCEEDED", RecoveryInstanceId = instanceId };
        }

        EmitLaunchResultLocked(region, job, server, failed ? LaunchResultEvent.Failed : LaunchResultEvent.Succeeded, at);
        CompleteJobIfDoneLocked(region, job.JobId, at);
    }

    private void TerminateStartLocked(RegionState region, SimJob job, string serverId, DateTimeOffset at)
    {
        var instanceId = region.Runtimes[job.JobId].TerminateTargets[serverId];
        if (region.Instances.TryGetValue(instanceId, out var instance))
        {
            region.Instances[instanceId] = instance with { Ec2InstanceState = "SHUTTING-DOWN" };
        }

        SetServerStatusLocked(region, job, serverId, "IN_PROGRESS", instanceId);
        Log(region, job, new SimJobLogItem("CLEANUP_START", at, serverId, TargetInstanceId: instanceId));
    }

    private void TerminateEndLocked(RegionState region, SimJob job, string serverId, DateTimeOffset at)
    {
        var instanceId = region.Runtimes[job.JobId].TerminateTargets[serverId];
        region.RemoveInstance(instanceId);
        if (region.Servers.TryGetValue(serverId, out var server) && server.RecoveryInstanceId == instanceId)
        {
            region.Servers[serverId] = server with { RecoveryInstanceId = null };
        }

        SetServerStatusLocked(region, job, serverId, "TERMINATED", instanceId);
        Log(region, job, new SimJobLogItem("CLEANUP_END", at, serverId, TargetInstanceId: instanceId));
        CompleteJobIfDoneLocked(region, job.JobId, at);
    }

    private void CompleteJobIfDoneLocked(RegionState region, string jobId, DateTimeOffset at)
    {
        var job = region.Jobs[jobId];
        if (job.Status == "COMPLETED" || job.ParticipatingServers.Any(p => p.LaunchStatus is "PENDING" or "IN_PROGRESS"))
        {
            return;
        }

        region.Jobs[jobId] = job with { Status = "COMPLETED", EndDateTime = at };
        Log(region, job, new SimJobLogItem("JOB_END", at, null));
        region.Runtimes.Remove(jobId);
        region.ActiveJobs--;
        region.ServersInActiveJobs -= job.ParticipatingServers.Count;
        foreach (var participant in job.ParticipatingServers)
        {
            if (job.Type == "LAUNCH")
            {
                region.BusyServers.Remove(participant.SourceServerId);
            }
        }

        _history[jobId] = _history[jobId] with { Ended = at };
    }

    private static void SetServerStatusLocked(RegionState region, SimJob job, string serverId, string status, string? recoveryInstanceId)
    {
        var current = region.Jobs[job.JobId];
        region.Jobs[job.JobId] = current with
        {
            ParticipatingServers = [.. current.ParticipatingServers.Select(p => p.SourceServerId == serverId
                ? p with { LaunchStatus = status, RecoveryInstanceId = recoveryInstanceId ?? p.RecoveryInstanceId }
                : p)],
        };
    }

    private static void Log(RegionState region, SimJob job, SimJobLogItem item) => region.JobLogs[job.JobId].Add(item);

    private void EmitLaunchResultLocked(RegionState region, SimJob job, Model.SimSourceServer server, string state, DateTimeOffset at)
    {
        var faults = Faults;
        var launchEvent = new LaunchResultEvent(
            Id: GuidFromRandom(),
            AccountId: region.AccountId,
            Region: region.Region,
            Time: at,
            SourceServerArn: server.Arn,
            SourceServerId: server.SourceServerId,
            JobId: job.JobId,
            State: state);
        var dropped = faults.DropEventSourceServerIds.Contains(server.SourceServerId)
            || (faults.DropEventRate > 0 && _faultRandom.NextDouble() < faults.DropEventRate);
        if (dropped)
        {
            _droppedEvents.Add(launchEvent);
        }
        else if (faults.EventDelay > TimeSpan.Zero)
        {
            Schedule(new ScheduledStep(at + faults.EventDelay, region, StepKind.DeliverEvent, job.JobId, server.SourceServerId, launchEvent));
        }
        else
        {
            _outbox.Enqueue(launchEvent);
        }
    }

    private string GuidFromRandom()
    {
        Span<byte> bytes = stackalloc byte[16];
        _idRandom.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private void RecordJobLocked(SimJob job) =>
        AddHistory(new JobHistoryEntry(job.JobId, job.AccountId, job.Region, job.Type, job.ParticipatingServers.Count, job.CreationDateTime, null));

    private void AddHistory(JobHistoryEntry entry)
    {
        _history[entry.JobId] = entry;
        _historyOrder.Add(entry.JobId);
    }
}
