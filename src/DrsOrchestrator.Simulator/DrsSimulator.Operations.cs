using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Model;

namespace DrsOrchestrator.Simulator;

/// <summary>The DRS operations, with DRS's validation, quotas and error shapes.</summary>
public sealed partial class DrsSimulator
{
    public SimJob StartRecovery(CallerIdentity caller, bool isDrill, IReadOnlyList<RecoveryServerRequest> sourceServers, IReadOnlyDictionary<string, string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(sourceServers);
        var limits = Options.Limits;
        if (sourceServers.Count == 0 || sourceServers.Count > limits.MaxServersPerRequest)
        {
            throw DrsErrors.Validation($"sourceServers must contain between 1 and {limits.MaxServersPerRequest} items", "fieldValidationFailed", ("sourceServers", "length out of range"));
        }

        ValidateTags(tags);
        var duplicate = sourceServers.GroupBy(s => s.SourceServerId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw DrsErrors.Validation($"Source server {duplicate.Key} is listed more than once", "fieldValidationFailed", ("sourceServers", "duplicate sourceServerID"));
        }

        lock (_sync)
        {
            var now = Clock.GetUtcNow();
            ProcessDueLocked(now);
            var region = RegionLocked(caller);
            if (sourceServers.Count > limits.MaxServersPerJob)
            {
                throw DrsErrors.QuotaExceeded($"A job can include at most {limits.MaxServersPerJob} source servers; {sourceServers.Count} were requested.", "MaxSourceServersPerJob", "", "JOB");
            }

            foreach (var request in sourceServers)
            {
                if (!region.Servers.TryGetValue(request.SourceServerId, out var server))
                {
                    throw DrsErrors.NotFound($"Source server {request.SourceServerId} not found", request.SourceServerId, "SOURCE_SERVER");
                }

                if (server.IsArchived || server.ReplicationState == "DISCONNECTED")
                {
                    throw DrsErrors.Validation($"Source server {server.SourceServerId} cannot be recovered: it is {(server.IsArchived ? "archived" : "disconnected")}", "other", ("sourceServers", server.SourceServerId));
                }

                if (request.RecoverySnapshotId is { } snapshotId && !SnapshotsOf(server, now).Any(s => s.SnapshotId == snapshotId))
                {
                    throw DrsErrors.NotFound($"Recovery snapshot {snapshotId} not found for source server {server.SourceServerId}", snapshotId, "RECOVERY_SNAPSHOT");
                }
            }

            var busy = sourceServers.Where(s => region.BusyServers.Contains(s.SourceServerId)).Select(s => s.SourceServerId).ToList();
            if (busy.Count > 0)
            {
                throw DrsErrors.Conflict($"Source servers are already part of an active job: {string.Join(", ", busy)}", busy[0], "SOURCE_SERVER", busy);
            }

            CheckJobCapacityLocked(region, sourceServers.Count);
            var jobId = "drsjob-" + NewHex(17);
            var job = new SimJob
            {
                JobId = jobId,
                Arn = region.Arn("job", jobId),
                AccountId = region.AccountId,
                Region = region.Region,
                Type = "LAUNCH",
                InitiatedBy = isDrill ? "START_DRILL" : "START_RECOVERY",
                Status = "PENDING",
                CreationDateTime = now,
                IsDrill = isDrill,
                ParticipatingServers = [.. sourceServers.Select(s => new SimParticipatingServer(s.SourceServerId, "PENDING", null))],
                Tags = CopyTags(tags),
            };
            var runtime = new JobRuntime();
            foreach (var request in sourceServers)
            {
                runtime.SnapshotIds[request.SourceServerId] = request.RecoverySnapshotId;
                region.BusyServers.Add(request.SourceServerId);
                region.Servers[request.SourceServerId] = region.Servers[request.SourceServerId] with
                {
                    LastLaunchResult = "PENDING",
                    LastLaunchJobId = jobId,
                    LastLaunchType = isDrill ? "DRILL" : "RECOVERY",
                    LastLaunchInitiated = now,
                };
            }

            AddJobLocked(region, job, runtime, now);
            return job;
        }
    }

    public SimJob TerminateRecoveryInstances(CallerIdentity caller, IReadOnlyList<string> recoveryInstanceIds)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(recoveryInstanceIds);
        if (recoveryInstanceIds.Count == 0 || recoveryInstanceIds.Count > Options.Limits.MaxServersPerRequest)
        {
            throw DrsErrors.Validation($"recoveryInstanceIDs must contain between 1 and {Options.Limits.MaxServersPerRequest} items", "fieldValidationFailed", ("recoveryInstanceIDs", "length out of range"));
        }

        lock (_sync)
        {
            var now = Clock.GetUtcNow();
            ProcessDueLocked(now);
            var region = RegionLocked(caller);
            var runtime = new JobRuntime();
            var instances = new List<SimRecoveryInstance>();
            foreach (var id in recoveryInstanceIds.Distinct(StringComparer.Ordinal))
            {
                if (!region.Instances.TryGetValue(id, out var instance))
                {
                    throw DrsErrors.NotFound($"Recovery instance {id} not found", id, "RECOVERY_INSTANCE");
                }

                if (instance.Ec2InstanceState is "PENDING" or "SHUTTING-DOWN"
                    || region.Runtimes.Values.Any(r => r.TerminateTargets.ContainsValue(id)))
                {
                    throw DrsErrors.Conflict($"Recovery instance {id} is busy ({instance.Ec2InstanceState})", id, "RECOVERY_INSTANCE");
                }

                instances.Add(instance);
                runtime.TerminateTargets[instance.SourceServerId] = id;
            }

            CheckJobCapacityLocked(region, instances.Count);
            var jobId = "drsjob-" + NewHex(17);
            var job = new SimJob
            {
                JobId = jobId,
                Arn = region.Arn("job", jobId),
                AccountId = region.AccountId,
                Region = region.Region,
                Type = "TERMINATE",
                InitiatedBy = "TERMINATE_RECOVERY_INSTANCES",
                Status = "PENDING",
                CreationDateTime = now,
                IsDrill = instances.All(i => i.IsDrill),
                ParticipatingServers = [.. instances.Select(i => new SimParticipatingServer(i.SourceServerId, "PENDING", i.RecoveryInstanceId))],
                Tags = CopyTags(null),
            };
            AddJobLocked(region, job, runtime, now);
            return job;
        }
    }

    public SimPage<SimJob> DescribeJobs(CallerIdentity caller, IReadOnlyList<string>? jobIds = null, DateTimeOffset? fromDate = null, DateTimeOffset? toDate = null, int? maxResults = null, string? nextToken = null)
    {
        lock (_sync)
        {
            var region = CatchUpLocked(caller);
            var wanted = jobIds is { Count: > 0 } ? new HashSet<string>(jobIds, StringComparer.Ordinal) : null;
            var jobs = region.JobOrder
                .Where(id => wanted is null || wanted.Contains(id))
                .Select(id => region.Jobs[id])
                .Where(j => (fromDate is null || j.CreationDateTime >= fromDate) && (toDate is null || j.CreationDateTime <= toDate))
                .ToList();
            return Paginate(jobs, maxResults, nextToken);
        }
    }

    public SimPage<SimJobLogItem> DescribeJobLogItems(CallerIdentity caller, string jobId, int? maxResults = null, string? nextToken = null)
    {
        lock (_sync)
        {
            var region = CatchUpLocked(caller);
            if (!region.JobLogs.TryGetValue(jobId, out var items))
            {
                throw DrsErrors.NotFound($"Job {jobId} not found", jobId, "JOB");
            }

            return Paginate(items, maxResults, nextToken);
        }
    }

    public SimPage<SimSourceServer> DescribeSourceServers(CallerIdentity caller, IReadOnlyList<string>? sourceServerIds = null, string? hardwareId = null, IReadOnlyList<string>? stagingAccountIds = null, int? maxResults = null, string? nextToken = null)
    {
        lock (_sync)
        {
            var region = CatchUpLocked(caller);
            var wanted = sourceServerIds is { Count: > 0 } ? new HashSet<string>(sourceServerIds, StringComparer.Ordinal) : null;
            var servers = region.ServerOrder
                .Where(id => wanted is null || wanted.Contains(id))
                .Select(id => region.Servers[id])
                .Where(_ => hardwareId is null)
                .Where(s => stagingAccountIds is not { Count: > 0 } || stagingAccountIds.Contains(s.AccountId))
                .ToList();
            return Paginate(servers, maxResults, nextToken);
        }
    }

    public SimPage<SimRecoveryInstance> DescribeRecoveryInstances(CallerIdentity caller, IReadOnlyList<string>? recoveryInstanceIds = null, IReadOnlyList<string>? sourceServerIds = null, int? maxResults = null, string? nextToken = null)
    {
        lock (_sync)
        {
            var region = CatchUpLocked(caller);
            var instances = region.InstanceOrder
                .Select(id => region.Instances[id])
                .Where(i => recoveryInstanceIds is not { Count: > 0 } || recoveryInstanceIds.Contains(i.RecoveryInstanceId))
                .Where(i => sourceServerIds is not { Count: > 0 } || sourceServerIds.Contains(i.SourceServerId))
                .ToList();
            return Paginate(instances, maxResults, nextToken);
        }
    }

    public SimLaunchConfiguration GetLaunchConfiguration(CallerIdentity caller, string sourceServerId)
    {
        lock (_sync)
        {
            var region = CatchUpLocked(caller);
            return ServerLocked(region, sourceServerId).LaunchConfiguration;
        }
    }

    public SimLaunchConfiguration UpdateLaunchConfiguration(CallerIdentity caller, LaunchConfigurationUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.LaunchDisposition is not (null or "STOPPED" or "STARTED"))
        {
            throw DrsErrors.Validation("launchDisposition must be STOPPED or STARTED", "fieldValidationFailed", ("launchDisposition", "invalid value"));
        }

        if (update.TargetInstanceTypeRightSizingMethod is not (null or "NONE" or "BASIC" or "IN_AWS"))
        {
            throw DrsErrors.Validation("targetInstanceTypeRightSizingMethod must be NONE, BASIC or IN_AWS", "fieldValidationFailed", ("targetInstanceTypeRightSizingMethod", "invalid value"));
        }

        if (update.Name is { Length: > 256 })
        {
            throw DrsErrors.Validation("name must be at most 256 characters", "fieldValidationFailed", ("name", "too long"));
        }

        lock (_sync)
        {
            var region = CatchUpLocked(caller);
            var server = ServerLocked(region, update.SourceServerId);
            var current = server.LaunchConfiguration;
            var updated = current with
            {
                CopyPrivateIp = update.CopyPrivateIp ?? current.CopyPrivateIp,
                CopyTags = update.CopyTags ?? current.CopyTags,
                LaunchDisposition = update.LaunchDisposition ?? current.LaunchDisposition,
                OsByol = update.OsByol ?? current.OsByol,
                Name = update.Name ?? current.Name,
                PostLaunchEnabled = update.PostLaunchEnabled ?? current.PostLaunchEnabled,
                TargetInstanceTypeRightSizingMethod = update.TargetInstanceTypeRightSizingMethod ?? current.TargetInstanceTypeRightSizingMethod,
                LaunchIntoEc2InstanceId = update.LaunchIntoEc2InstanceId ?? current.LaunchIntoEc2InstanceId,
            };
            region.Servers[server.SourceServerId] = server with { LaunchConfiguration = updated };
            return updated;
        }
    }

    public SimPage<SimRecoverySnapshot> DescribeRecoverySnapshots(CallerIdentity caller, string sourceServerId, DateTimeOffset? fromDateTime = null, DateTimeOffset? toDateTime = null, string? order = null, int? maxResults = null, string? nextToken = null)
    {
        if (order is not (null or "ASC" or "DESC"))
        {
            throw DrsErrors.Validation("order must be ASC or DESC", "fieldValidationFailed", ("order", "invalid value"));
        }

        lock (_sync)
        {
            var region = CatchUpLocked(caller);
            var server = ServerLocked(region, sourceServerId);
            var snapshots = SnapshotsOf(server, Clock.GetUtcNow())
                .Where(s => (fromDateTime is null || s.Timestamp >= fromDateTime) && (toDateTime is null || s.Timestamp <= toDateTime));
            var ordered = order == "DESC" ? snapshots.Reverse().ToList() : snapshots.ToList();
            return Paginate(ordered, maxResults, nextToken);
        }
    }

    public IReadOnlyDictionary<string, string> ListTagsForResource(CallerIdentity caller, string resourceArn)
    {
        lock (_sync)
        {
            var region = CatchUpLocked(caller);
            return ResourceTagsLocked(region, resourceArn);
        }
    }

    public void TagResource(CallerIdentity caller, string resourceArn, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ValidateTags(tags);
        lock (_sync)
        {
            var region = CatchUpLocked(caller);
            var merged = new SortedDictionary<string, string>(ResourceTagsLocked(region, resourceArn).ToDictionary(), StringComparer.Ordinal);
            foreach (var (key, value) in tags)
            {
                merged[key] = value;
            }

            if (merged.Count > 50)
            {
                throw DrsErrors.Validation("A resource can have at most 50 tags", "fieldValidationFailed", ("tags", "too many tags"));
            }

            SetResourceTagsLocked(region, resourceArn, merged);
        }
    }

    public void UntagResource(CallerIdentity caller, string resourceArn, IReadOnlyList<string> tagKeys)
    {
        ArgumentNullException.ThrowIfNull(tagKeys);
        lock (_sync)
        {
            var region = CatchUpLocked(caller);
            var remaining = new SortedDictionary<string, string>(ResourceTagsLocked(region, resourceArn).ToDictionary(), StringComparer.Ordinal);
            foreach (var key in tagKeys)
            {
                remaining.Remove(key);
            }

            SetResourceTagsLocked(region, resourceArn, remaining);
        }
    }

    private void AddJobLocked(RegionState region, SimJob job, JobRuntime runtime, DateTimeOffset now)
    {
        region.Jobs[job.JobId] = job;
        region.JobOrder.Add(job.JobId);
        region.JobLogs[job.JobId] = [new SimJobLogItem("JOB_START", now, null)];
        region.Runtimes[job.JobId] = runtime;
        region.ActiveJobs++;
        region.ServersInActiveJobs += job.ParticipatingServers.Count;
        RecordJobLocked(job);
        Schedule(new ScheduledStep(now + Draw(Options.Durations.JobStart), region, StepKind.JobStarted, job.JobId));
    }

    private void CheckJobCapacityLocked(RegionState region, int serverCount)
    {
        var limits = Options.Limits;
        if (region.ActiveJobs >= limits.MaxConcurrentJobs)
        {
            throw DrsErrors.QuotaExceeded($"Maximum of {limits.MaxConcurrentJobs} concurrent jobs reached in {region.Region}.", "MaxConcurrentJobs", "", "JOB");
        }

        if (region.ServersInActiveJobs + serverCount > limits.MaxServersInActiveJobs)
        {
            throw DrsErrors.QuotaExceeded($"At most {limits.MaxServersInActiveJobs} source servers can be in active jobs; {region.ServersInActiveJobs} already are and {serverCount} were requested.", "MaxSourceServersInAllActiveJobs", "", "JOB");
        }
    }

    private RegionState CatchUpLocked(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ProcessDueLocked(Clock.GetUtcNow());
        return RegionLocked(caller);
    }

    private RegionState RegionLocked(CallerIdentity caller) =>
        _regions.TryGetValue((caller.AccountId, caller.Region), out var region)
            ? region
            : throw DrsErrors.Uninitialized(caller.AccountId, caller.Region);

    private static SimSourceServer ServerLocked(RegionState region, string sourceServerId) =>
        region.Servers.TryGetValue(sourceServerId, out var server)
            ? server
            : throw DrsErrors.NotFound($"Source server {sourceServerId} not found", sourceServerId, "SOURCE_SERVER");

    private static IReadOnlyDictionary<string, string> ResourceTagsLocked(RegionState region, string arn)
    {
        var (type, id) = ParseArn(region, arn);
        return type switch
        {
            "source-server" when region.Servers.TryGetValue(id, out var server) => server.Tags,
            "job" when region.Jobs.TryGetValue(id, out var job) => job.Tags,
            "recovery-instance" when region.Instances.TryGetValue(id, out var instance) => instance.Tags,
            _ => throw DrsErrors.NotFound($"Resource {arn} not found", arn, "RESOURCE"),
        };
    }

    private static void SetResourceTagsLocked(RegionState region, string arn, SortedDictionary<string, string> tags)
    {
        var (type, id) = ParseArn(region, arn);
        switch (type)
        {
            case "source-server":
                region.Servers[id] = region.Servers[id] with { Tags = tags };
                break;
            case "job":
                region.Jobs[id] = region.Jobs[id] with { Tags = tags };
                break;
            default:
                region.Instances[id] = region.Instances[id] with { Tags = tags };
                break;
        }
    }

    private static (string Type, string Id) ParseArn(RegionState region, string arn)
    {
        // arn:aws:drs:<region>:<account>:<type>/<id>; another account's or region's ARN is simply not found here.
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "drs" || !parts[5].Contains('/', StringComparison.Ordinal))
        {
            throw DrsErrors.Validation($"Invalid resource ARN {arn}", "fieldValidationFailed", ("resourceArn", "not a DRS ARN"));
        }

        if (parts[3] != region.Region || parts[4] != region.AccountId)
        {
            throw DrsErrors.NotFound($"Resource {arn} not found", arn, "RESOURCE");
        }

        var slash = parts[5].IndexOf('/', StringComparison.Ordinal);
        return (parts[5][..slash], parts[5][(slash + 1)..]);
    }

    private static void ValidateTags(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > 50 || tags.Any(t => t.Key.Length > 256 || t.Value.Length > 256))
        {
            throw DrsErrors.Validation("At most 50 tags, keys and values at most 256 characters", "fieldValidationFailed", ("tags", "invalid tags"));
        }
    }

    private static SortedDictionary<string, string> CopyTags(IReadOnlyDictionary<string, string>? tags) =>
        new(tags?.ToDictionary() ?? [], StringComparer.Ordinal);

    private SimPage<T> Paginate<T>(IReadOnlyList<T> all, int? maxResults, string? nextToken)
    {
        var pageSize = maxResults ?? Options.Limits.MaxPageSize;
        if (pageSize < 1 || pageSize > Options.Limits.MaxPageSize)
        {
            throw DrsErrors.Validation($"maxResults must be between 1 and {Options.Limits.MaxPageSize}", "fieldValidationFailed", ("maxResults", "out of range"));
        }

        var offset = 0;
        if (!string.IsNullOrEmpty(nextToken))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(nextToken));
            }
            catch (FormatException)
            {
                throw DrsErrors.Validation("Invalid nextToken", "fieldValidationFailed", ("nextToken", "invalid token"));
            }

            if (!decoded.StartsWith("sim-page:", StringComparison.Ordinal)
                || !int.TryParse(decoded["sim-page:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out offset)
                || offset > all.Count)
            {
                throw DrsErrors.Validation("Invalid nextToken", "fieldValidationFailed", ("nextToken", "invalid token"));
            }
        }

        var items = all.Skip(offset).Take(pageSize).ToList();
        var next = offset + items.Count < all.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes("sim-page:" + (offset + items.Count).ToString(CultureInfo.InvariantCulture)))
            : null;
        return new SimPage<T>(items, next);
    }

    /// <summary>
    /// Point-in-time snapshots as DRS keeps them (every 10 minutes for the last hour, hourly for a day),
    /// derived from the clock rather than stored so a large fleet costs no memory for them.
    /// </summary>
    private static List<SimRecoverySnapshot> SnapshotsOf(SimSourceServer server, DateTimeOffset now)
    {
        var tenMinutes = TimeSpan.FromMinutes(10);
        var lastTen = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % tenMinutes.Ticks), TimeSpan.Zero);
        var lastHour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var points = new SortedSet<DateTimeOffset>();
        for (var i = 0; i < 6; i++)
        {
            points.Add(lastTen - (tenMinutes * i));
        }

        for (var h = 1; h < 24; h++)
        {
            points.Add(lastHour - TimeSpan.FromHours(h));
        }

        return [.. points.Where(p => p >= server.AddedToService).Select(p =>
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(server.SourceServerId + "@" + p.UtcTicks.ToString(CultureInfo.InvariantCulture))));
            return new SimRecoverySnapshot(
                "pit-" + hash[..17],
                server.SourceServerId,
                p,
                p + TimeSpan.FromSeconds(hash[17] % 30),
                [.. server.DiskBytes.Select((_, i) => "snap-" + hash.Substring(18 + i, 17))]);
        })];
    }
}
