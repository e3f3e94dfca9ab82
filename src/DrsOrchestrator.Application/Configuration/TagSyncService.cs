using DrsOrchestrator.Application.Common;
using DrsOrchestrator.Domain.Accounts;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Application.Configuration;

/// <summary>
/// Applies the tag sync rules to every registered account and region: a source server matching a rule's
/// criteria gets the rule's tags, so tag-based protection groups pick it up. Idempotent: servers that
/// already carry the tags are not written. A run first claims the run slot in <see cref="TagSyncState"/>
/// with a conditional write, so two runs never overlap; the schedule's ticks run it only when enabled and due.
/// </summary>
public sealed class TagSyncService(SettingsService settings, ITargetAccountRepository accounts, IDrsClientFactory drs, TimeProvider time)
{
    /// <summary>The <see cref="TagSyncRun.TriggeredBy"/> of scheduled runs.</summary>
    public const string ScheduleActor = "schedule";

    /// <summary>
    /// How long a claim blocks other runs: longer than any function running the sync may live (the poller's
    /// timeout is 5 minutes, the API's 29 s), so only a run that died leaves a claim this old.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Allowance for the schedule's own jitter: a run's start is recorded a few seconds after its tick, so the
    /// tick one interval later comes slightly "early" and, without this, would wait a whole extra tick.
    /// Well under the 15-minute tick, so runs are never closer together than intervalHours less this.
    /// </summary>
    public static readonly TimeSpan DueTolerance = TimeSpan.FromMinutes(5);

    /// <summary>"Run now": runs whether or not scheduled sync is enabled or due, and is recorded as user-triggered.</summary>
    /// <exception cref="DomainException">Throttled THROTTLED while another run holds the slot.</exception>
    public async Task<TagSyncRun> RunAsync(string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        for (var attempt = 0; ; attempt++)
        {
            var state = await settings.GetTagSyncStateAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (state.Value.Running is { } running && running.IsActiveAt(now))
            {
                throw new DomainException(
                    ErrorKind.Throttled,
                    ErrorCodes.Throttled,
                    $"Tag sync is already running (started by {running.TriggeredBy}); try again when it has finished.",
                    new Dictionary<string, object?> { ["startedAt"] = running.StartedAt, ["triggeredBy"] = running.TriggeredBy });
            }

            var claim = NewClaim(TagSyncTrigger.User, actor, now);
            if (await settings.TrySaveTagSyncStateAsync(state.Value with { Running = claim }, state.Version, actor, cancellationToken).ConfigureAwait(false))
            {
                return await ExecuteAsync(claim, cancellationToken).ConfigureAwait(false);
            }

            // Someone wrote the state meanwhile (a run claimed or finished): look again.
            if (attempt >= 2)
            {
                throw DomainException.Conflict(ErrorCodes.VersionConflict, "The tag sync run record kept changing; try again.");
            }
        }
    }

    /// <summary>
    /// A schedule tick: runs when scheduled sync is enabled, no run holds the slot, and the latest run
    /// (scheduled or manual) started at least intervalHours ago. Of concurrent ticks exactly one claims the slot.
    /// </summary>
    public async Task<TagSyncScheduledResult> RunScheduledAsync(CancellationToken cancellationToken)
    {
        var current = (await settings.GetTagSyncAsync(cancellationToken).ConfigureAwait(false)).Value;
        if (!current.Enabled)
        {
            return new TagSyncScheduledResult(TagSyncScheduleOutcome.Disabled, null, null);
        }

        var state = await settings.GetTagSyncStateAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (state.Value.Running is { } running && running.IsActiveAt(now))
        {
            return new TagSyncScheduledResult(TagSyncScheduleOutcome.AlreadyRunning, null, null);
        }

        if (state.Value.LatestStart() is { } last && now < last + current.Interval - DueTolerance)
        {
            return new TagSyncScheduledResult(TagSyncScheduleOutcome.NotDue, null, last + current.Interval);
        }

        var claim = NewClaim(TagSyncTrigger.Schedule, ScheduleActor, now);
        if (!await settings.TrySaveTagSyncStateAsync(state.Value with { Running = claim }, state.Version, ScheduleActor, cancellationToken).ConfigureAwait(false))
        {
            // Another tick (or "Run now") claimed the slot between our read and our write.
            return new TagSyncScheduledResult(TagSyncScheduleOutcome.AlreadyRunning, null, null);
        }

        var run = await ExecuteAsync(claim, cancellationToken).ConfigureAwait(false);
        return new TagSyncScheduledResult(TagSyncScheduleOutcome.Ran, run, run.StartedAt + current.Interval);
    }

    /// <summary>The settings, the last finished run, the run in progress and when the schedule runs next.</summary>
    public async Task<TagSyncStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var current = await settings.GetTagSyncAsync(cancellationToken).ConfigureAwait(false);
        var state = (await settings.GetTagSyncStateAsync(cancellationToken).ConfigureAwait(false)).Value;
        var now = time.GetUtcNow();
        var running = state.Running is { } claim && claim.IsActiveAt(now) ? claim : null;
        DateTimeOffset? next = null;
        if (current.Value.Enabled)
        {
            next = state.LatestStart() is { } last && last + current.Value.Interval > now ? last + current.Value.Interval : now;
        }

        return new TagSyncStatus(current, state.LastRun, running, next);
    }

    private TagSyncClaim NewClaim(TagSyncTrigger trigger, string actor, DateTimeOffset now) =>
        new(Guid.NewGuid().ToString("N"), trigger, actor, now, now + ClaimLease);

    private async Task<TagSyncRun> ExecuteAsync(TagSyncClaim claim, CancellationToken cancellationToken)
    {
        var results = new List<TagSyncLocationResult>();
        TagSyncRun run;
        try
        {
            run = await SyncAllAsync(claim, results, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Record the failure as the last run (which also frees the slot), so the next scheduled run is an
            // interval away: merely freeing the slot would leave the latest start unchanged and have every tick
            // retry a sync that keeps failing. The locations finished before the failure are kept.
            var failed = new TagSyncRun(claim.TriggeredBy, claim.Trigger, claim.StartedAt, time.GetUtcNow(), false, [.. results], ex.Message);
            await TryRecordFailureAsync(claim, failed).ConfigureAwait(false);
            throw;
        }

        await FinishAsync(claim, run, cancellationToken).ConfigureAwait(false);
        return run;
    }

    private async Task<TagSyncRun> SyncAllAsync(TagSyncClaim claim, List<TagSyncLocationResult> results, CancellationToken cancellationToken)
    {
        var rules = (await settings.GetTagSyncAsync(cancellationToken).ConfigureAwait(false)).Value.Rules;
        var locations = (await Pages.AllAsync<TargetAccount>(accounts.ListAsync, cancellationToken).ConfigureAwait(false))
            .SelectMany(a => a.Regions.Select(r => new AccountRegion(a.AccountId, r)))
            .ToList();
        foreach (var location in locations)
        {
            results.Add(await SyncAsync(location, rules, cancellationToken).ConfigureAwait(false));
        }

        return new TagSyncRun(claim.TriggeredBy, claim.Trigger, claim.StartedAt, time.GetUtcNow(), results.All(r => r.Error is null && r.Failed == 0), results);
    }

    /// <summary>Records the run as the last one (unless a newer run finished first) and frees the slot if still ours.</summary>
    private async Task FinishAsync(TagSyncClaim claim, TagSyncRun run, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var state = await settings.GetTagSyncStateAsync(cancellationToken).ConfigureAwait(false);
            var last = state.Value.LastRun;
            var next = new TagSyncState(
                state.Value.Running?.RunId == claim.RunId ? null : state.Value.Running,
                last is null || run.StartedAt >= last.StartedAt ? run : last);
            if (await settings.TrySaveTagSyncStateAsync(next, state.Version, claim.TriggeredBy, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (attempt >= 4)
            {
                throw DomainException.Conflict(ErrorCodes.VersionConflict, "The tag sync run record kept changing; the run could not be recorded.");
            }
        }
    }

    private async Task TryRecordFailureAsync(TagSyncClaim claim, TagSyncRun failed)
    {
        try
        {
            // Not the caller's token: a run cancelled by its caller is recorded too, or it would be retried on every tick.
            await FinishAsync(claim, failed, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The store is failing too: the claim expires on its own after ClaimLease, and the run's own error
            // (being rethrown) is the one worth reporting; an unrecorded run still counts as the latest start
            // while its claim lasts.
        }
    }

    private async Task<TagSyncLocationResult> SyncAsync(AccountRegion location, IReadOnlyList<TagSyncRule> rules, CancellationToken cancellationToken)
    {
        int scanned = 0, matched = 0, tagged = 0, failed = 0;
        try
        {
            var client = drs.For(location.AccountId, location.Region);
            await foreach (var server in client.DescribeAllSourceServersAsync(new DrsSourceServerQuery(), cancellationToken).ConfigureAwait(false))
            {
                scanned++;
                var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var rule in rules.Where(r => ServerSelection.ByTags(r.Match).Matches(server.Tags)))
                {
                    foreach (var (key, value) in rule.Apply)
                    {
                        wanted[key] = value;
                    }
                }

                if (wanted.Count == 0)
                {
                    continue;
                }

                matched++;
                var missing = wanted.Where(t => !server.Tags.TryGetValue(t.Key, out var v) || v != t.Value).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
                if (missing.Count == 0 || server.Arn is null)
                {
                    continue;
                }

                try
                {
                    await client.TagResourceAsync(server.Arn, missing, cancellationToken).ConfigureAwait(false);
                    tagged++;
                }
                catch (AwsServiceException)
                {
                    failed++;
                }
            }

            return new TagSyncLocationResult(location.AccountId, location.Region, scanned, matched, tagged, failed, null);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not our caller cancelling: a transport timeout (HttpClient's, an SDK client's). It belongs to this
            // location alone, so the other accounts and regions are still synced.
            return new TagSyncLocationResult(location.AccountId, location.Region, scanned, matched, tagged, failed, $"No answer in time: {ex.Message}");
        }
        catch (Exception ex) when (ex is AwsServiceException or HttpRequestException or DomainException)
        {
            return new TagSyncLocationResult(location.AccountId, location.Region, scanned, matched, tagged, failed, ex.Message);
        }
    }
}
