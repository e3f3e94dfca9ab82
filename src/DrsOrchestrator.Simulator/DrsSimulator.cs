using System.Globalization;
using System.Net.Http.Json;
using DrsOrchestrator.Simulator.Clock;
using DrsOrchestrator.Simulator.Diagnostics;
using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Events;
using DrsOrchestrator.Simulator.Faults;
using DrsOrchestrator.Simulator.Model;
using DrsOrchestrator.Simulator.Scenarios;

namespace DrsOrchestrator.Simulator;

/// <summary>
/// The in-process DRS engine: per account + region state, job progression on a virtual clock,
/// quotas, faults and launch-result events. <see cref="DrsSimulatorServer"/> puts it behind HTTP;
/// benchmarks and hosts may also drive it directly.
/// </summary>
public sealed partial class DrsSimulator : IAsyncDisposable
{
    private readonly Lock _sync = new();
    private readonly Dictionary<(string Account, string Region), RegionState> _regions = [];
    private readonly Dictionary<string, ScenarioAccount> _accounts = new(StringComparer.Ordinal);
    private readonly PriorityQueue<ScheduledStep, (long Ticks, long Sequence)> _steps = new();
    private readonly Queue<LaunchResultEvent> _outbox = new();
    private readonly List<LaunchResultEvent> _deliveredEvents = [];
    private readonly List<LaunchResultEvent> _droppedEvents = [];
    private readonly List<Func<LaunchResultEvent, CancellationToken, Task>> _subscribers = [];
    private readonly List<Uri> _webhooks = [];
    private readonly LinkedList<CallRecord> _calls = new();
    private readonly Dictionary<string, JobHistoryEntry> _history = new(StringComparer.Ordinal);
    private readonly List<string> _historyOrder = [];
    private readonly SemaphoreSlim _deliveryGate = new(1, 1);
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly Random _idRandom;
    private readonly Random _durationRandom;
    private readonly Random _faultRandom;
    private long _sequence;
    private int _deliveryFailures;
    private FaultSettings _faults;
    private Task? _loop;

    public DrsSimulator(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Clock = options.Clock ?? new VirtualClock(options.StartTime ?? DateTimeOffset.UtcNow, options.TimeScale);
        _idRandom = new Random(options.Seed);
        _durationRandom = new Random(unchecked(options.Seed * 31 + 7));
        _faultRandom = new Random(unchecked(options.Seed * 17 + 3));
        _faults = options.Faults;
        if (options.Scenario is not null)
        {
            LoadScenario(options.Scenario);
        }
    }

    public SimulatorOptions Options { get; }

    public VirtualClock Clock { get; }

    /// <summary>Current faults; assign a new record to change them while the simulator runs.</summary>
    public FaultSettings Faults
    {
        get => Volatile.Read(ref _faults);
        set => Volatile.Write(ref _faults, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Adds a scenario's accounts, regions and servers (validated against <see cref="SimulatorOptions.Limits"/>).</summary>
    public void LoadScenario(SimulatorScenario scenario)
    {
        ScenarioLoader.Validate(scenario, Options.Limits);
        lock (_sync)
        {
            var now = Clock.GetUtcNow();
            foreach (var account in scenario.Accounts)
            {
                _accounts[account.AccountId] = account;
                foreach (var region in account.Regions)
                {
                    var state = GetOrCreateRegionLocked(account.AccountId, region.Region);
                    foreach (var server in region.Servers)
                    {
                        AddServerLocked(state, server, now);
                    }
                }
            }
        }
    }

    /// <summary>Accounts known to the simulator (scenario order is not preserved).</summary>
    public IReadOnlyList<string> AccountIds
    {
        get
        {
            lock (_sync)
            {
                return [.. _accounts.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Regions where DRS is initialised for an account.</summary>
    public IReadOnlyList<string> RegionsOf(string accountId)
    {
        lock (_sync)
        {
            return [.. _regions.Keys.Where(k => k.Account == accountId).Select(k => k.Region).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Registers an in-process subscriber for launch-result events; dispose the result to unsubscribe.</summary>
    public IDisposable Subscribe(Func<LaunchResultEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_sync)
        {
            _subscribers.Add(handler);
        }

        return new Subscription(this, handler);
    }

    /// <summary>Also POSTs each event's EventBridge envelope to <paramref name="url"/> (loopback only).</summary>
    public void AddWebhook(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || !url.IsLoopback || url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("Webhooks must be absolute http(s) URLs on a loopback address.", nameof(url));
        }

        lock (_sync)
        {
            _webhooks.Add(url);
        }
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="delta"/>, running every step that falls due on the way
    /// at its own virtual time, then delivers the resulting events before returning.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan delta, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        var target = Clock.GetUtcNow() + delta;
        while (true)
        {
            DateTimeOffset? next;
            lock (_sync)
            {
                next = _steps.TryPeek(out var step, out _) && step.Due <= target ? step.Due : null;
            }

            if (next is null)
            {
                break;
            }

            Clock.AdvanceTo(next.Value);
            lock (_sync)
            {
                ProcessDueLocked(next.Value);
            }
        }

        Clock.AdvanceTo(target);
        lock (_sync)
        {
            ProcessDueLocked(Clock.GetUtcNow());
        }

        await DeliverPendingEventsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs every step already due on the clock and delivers the events it produced.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken = default)
    {
        lock (_sync)
        {
            ProcessDueLocked(Clock.GetUtcNow());
        }

        await DeliverPendingEventsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The virtual time of the next scheduled step, or null when nothing is in flight.</summary>
    public DateTimeOffset? NextStepDue
    {
        get
        {
            lock (_sync)
            {
                return _steps.TryPeek(out var step, out _) ? step.Due : null;
            }
        }
    }

    /// <summary>Starts the loop that moves jobs along a scaled clock in real time (the server calls this).</summary>
    public void Start()
    {
        lock (_sync)
        {
            _loop ??= Task.Run(RunLoopAsync);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping is the expected way out of the loop.
            }
        }

        _webhookClient.Dispose();
        _deliveryGate.Dispose();
        _stopping.Dispose();
    }

    private async Task RunLoopAsync()
    {
        using var timer = new PeriodicTimer(Options.TickInterval);
        while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
        {
            await RunDueAsync(_stopping.Token).ConfigureAwait(false);
        }
    }

    private async Task DeliverPendingEventsAsync(CancellationToken cancellationToken)
    {
        // One deliverer at a time keeps events in order; whoever holds the gate drains everything.
        await _deliveryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                LaunchResultEvent? next;
                Func<LaunchResultEvent, CancellationToken, Task>[] subscribers;
                Uri[] webhooks;
                lock (_sync)
                {
                    if (!_outbox.TryDequeue(out next))
                    {
                        return;
                    }

                    subscribers = [.. _subscribers];
                    webhooks = [.. _webhooks];
                    _deliveredEvents.Add(next);
                }

                foreach (var subscriber in subscribers)
                {
                    try
                    {
                        await subscriber(next, cancellationToken).ConfigureAwait(false);
                    }
#pragma warning disable CA1031 // A failing subscriber must not stop delivery to the others (EventBridge semantics).
                    catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
                    {
                        Interlocked.Increment(ref _deliveryFailures);
                    }
                }

                foreach (var webhook in webhooks)
                {
                    try
                    {
                        using var response = await _webhookClient.PostAsJsonAsync(webhook, next.ToEventBridgeJson(), cancellationToken).ConfigureAwait(false);
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref _deliveryFailures);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref _deliveryFailures);
                    }
                }
            }
        }
        finally
        {
            _deliveryGate.Release();
        }
    }

    /// <summary>Called after an API call: events produced by catching up are delivered in the background.</summary>
    internal void KickDelivery()
    {
        bool pending;
        lock (_sync)
        {
            pending = _outbox.Count > 0;
        }

        if (pending && !_stopping.IsCancellationRequested)
        {
            _ = Task.Run(() => DeliverPendingEventsAsync(_stopping.Token));
        }
    }

    private RegionState GetOrCreateRegionLocked(string accountId, string region)
    {
        if (!_regions.TryGetValue((accountId, region), out var state))
        {
            state = new RegionState(accountId, region);
            _regions[(accountId, region)] = state;
        }

        return state;
    }

    private void AddServerLocked(RegionState state, ScenarioServer server, DateTimeOffset now)
    {
        var id = server.Id ?? "s-" + NewHex(17);
        var osFull = server.OsFullString ?? (server.Os == "WINDOWS" ? "Microsoft Windows Server 2022 Datacenter" : "Amazon Linux 2023");
        var ips = server.Ips is { Count: > 0 } ? server.Ips : [$"10.{_idRandom.Next(0, 256)}.{_idRandom.Next(0, 256)}.{_idRandom.Next(1, 255)}"];
        var record = new SimSourceServer
        {
            SourceServerId = id,
            Arn = state.Arn("source-server", id),
            AccountId = state.AccountId,
            Region = state.Region,
            Hostname = server.Hostname,
            Fqdn = server.Hostname + ".corp.example",
            Ips = [.. ips],
            MacAddress = string.Join(':', Enumerable.Range(0, 6).Select(_ => NewHex(2))),
            Os = server.Os,
            OsFullString = osFull,
            Cpus = server.Cpus,
            RamBytes = server.RamGiB * 1024L * 1024 * 1024,
            DiskBytes = [.. (server.DiskGiB ?? [50]).Select(g => g * 1024L * 1024 * 1024)],
            RecommendedInstanceType = server.InstanceType ?? "m5.large",
            Tags = new SortedDictionary<string, string>(server.Tags?.ToDictionary() ?? [], StringComparer.Ordinal),
            ReplicationState = server.Archived ? "DISCONNECTED" : server.ReplicationState,
            ReplicationLag = TimeSpan.FromSeconds(server.LagSeconds),
            IsArchived = server.Archived,
            AddedToService = now - TimeSpan.FromDays(30),
            LaunchConfiguration = new SimLaunchConfiguration
            {
                SourceServerId = id,
                Name = server.Hostname,
                Ec2LaunchTemplateId = "lt-" + NewHex(17),
            },
        };
        if (state.Servers.TryAdd(id, record))
        {
            state.ServerOrder.Add(id);
            AddLaunchTemplateLocked(state, record);
        }
        else
        {
            throw new ScenarioValidationException([$"source server {id} exists twice in {state.AccountId}/{state.Region}"]);
        }
    }

    private string NewHex(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = "0123456789abcdef"[_idRandom.Next(16)];
        }

        return new string(chars);
    }

    private void Schedule(ScheduledStep step) =>
        _steps.Enqueue(step, (step.Due.UtcTicks, _sequence++));

    internal static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private sealed class Subscription(DrsSimulator owner, Func<LaunchResultEvent, CancellationToken, Task> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._sync)
            {
                owner._subscribers.Remove(handler);
            }
        }
    }
}
