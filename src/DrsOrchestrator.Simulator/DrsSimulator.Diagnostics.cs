using DrsOrchestrator.Simulator.Diagnostics;
using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Events;
using DrsOrchestrator.Simulator.Model;

namespace DrsOrchestrator.Simulator;

/// <summary>What tests and benchmarks observe: calls, job history, events, and fault draws.</summary>
public sealed partial class DrsSimulator
{
    /// <summary>Every API call seen (oldest first, bounded by <see cref="SimulatorOptions.MaxCallRecords"/>).</summary>
    public IReadOnlyList<CallRecord> Calls
    {
        get
        {
            lock (_sync)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Every job ever created, with its active interval.</summary>
    public IReadOnlyList<JobHistoryEntry> JobHistory
    {
        get
        {
            lock (_sync)
            {
                return [.. _historyOrder.Select(id => _history[id])];
            }
        }
    }

    /// <summary>Events handed to subscribers and webhooks, in delivery order.</summary>
    public IReadOnlyList<LaunchResultEvent> DeliveredEvents
    {
        get
        {
            lock (_sync)
            {
                return [.. _deliveredEvents];
            }
        }
    }

    /// <summary>Events the drop fault swallowed.</summary>
    public IReadOnlyList<LaunchResultEvent> DroppedEvents
    {
        get
        {
            lock (_sync)
            {
                return [.. _droppedEvents];
            }
        }
    }

    /// <summary>Subscriber exceptions and failed webhook posts.</summary>
    public int DeliveryFailures => Volatile.Read(ref _deliveryFailures);

    /// <summary>Total source servers across all accounts and regions.</summary>
    public int SourceServerCount
    {
        get
        {
            lock (_sync)
            {
                return _regions.Values.Sum(r => r.Servers.Count);
            }
        }
    }

    /// <summary>The highest number of jobs that were active at the same moment in one account + region.</summary>
    public int MaxConcurrentJobs(string accountId, string region)
    {
        var entries = JobHistory.Where(e => e.AccountId == accountId && e.Region == region);
        var edges = entries
            .SelectMany(e => new[] { (Time: e.Created, Delta: 1), (Time: e.Ended ?? DateTimeOffset.MaxValue, Delta: -1) })
            .OrderBy(e => e.Time)
            .ThenBy(e => e.Delta); // a job ending at the instant another starts did not overlap it
        int current = 0, max = 0;
        foreach (var edge in edges)
        {
            current += edge.Delta;
            max = Math.Max(max, current);
        }

        return max;
    }

    /// <summary>All source servers of an account + region, in scenario order (no API call is recorded).</summary>
    public IReadOnlyList<SimSourceServer> SourceServersOf(string accountId, string region)
    {
        lock (_sync)
        {
            ProcessDueLocked(Clock.GetUtcNow());
            return _regions.TryGetValue((accountId, region), out var state)
                ? [.. state.ServerOrder.Select(id => state.Servers[id])]
                : [];
        }
    }

    /// <summary>Draws the throttling/500 faults for one call; null when the call should go through.</summary>
    public DrsApiException? DrawFault(string operation)
    {
        var faults = Faults;
        if (faults.Operations.Count > 0 && !faults.Operations.Contains(operation))
        {
            return null;
        }

        lock (_sync)
        {
            if (faults.ThrottleRate > 0 && _faultRandom.NextDouble() < faults.ThrottleRate)
            {
                return DrsErrors.Throttling(faults.ThrottleRetryAfterSeconds);
            }

            if (faults.InternalErrorRate > 0 && _faultRandom.NextDouble() < faults.InternalErrorRate)
            {
                return DrsErrors.Internal("Simulated internal error (fault injection)");
            }
        }

        return null;
    }

    internal void RecordCall(string operation, CallerIdentity? caller, string? accessKeyId, int statusCode, string? errorType)
    {
        lock (_sync)
        {
            _calls.AddLast(new CallRecord(operation, caller?.AccountId, caller?.Region, caller?.AccessKeyId ?? accessKeyId, Clock.GetUtcNow(), statusCode, errorType));
            while (_calls.Count > Options.MaxCallRecords)
            {
                _calls.RemoveFirst();
            }
        }
    }

    /// <summary>Forgets calls recorded so far (tests that assert on a phase start from a clean log).</summary>
    public void ClearCalls()
    {
        lock (_sync)
        {
            _calls.Clear();
        }
    }
}
