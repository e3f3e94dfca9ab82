using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Tests.Common.Builders;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace DrsOrchestrator.Domain.Tests.Executions;

/// <summary>
/// Random sequences of everything the engine and operators can call, valid or not. Whatever the
/// order, the aggregate only ever moves along the status machines, keeps its structural invariants,
/// and a rejected call leaves it exactly as it was.
/// </summary>
public sealed class ExecutionPropertyTests(ITestOutputHelper output)
{
    public enum OpKind
    {
        Start,
        AttachWorkflow,
        StartWave,
        PauseBeforeWave,
        RequestPause,
        Resume,
        RequestCancel,
        SetWaveWaitToken,
        RecordJobIntent,
        RecordJobStarted,
        ServerUpdate,
        JobStatus,
        EvaluateWave,
        Complete,
        FinishCancellation,
        Fail,
        RequestTermination,
        TerminationStarted,
        TerminationEnded,
    }

    internal sealed record Op(OpKind Kind, int A, int B)
    {
        public override string ToString() => $"{Kind}({A},{B})";
    }

    internal sealed record Scenario(int[] ServersPerWave, bool[] PauseBefore, bool[] Optional, bool PauseFirst, bool Recovery, Op[] Ops)
    {
        public override string ToString() =>
            $"servers=[{string.Join(",", ServersPerWave)}] pause=[{string.Join(",", PauseBefore)}] optional=[{string.Join(",", Optional)}] pauseFirst={PauseFirst} recovery={Recovery} ops=[{string.Join(" ", Ops.Select(o => o.ToString()))}]";
    }

    private static Arbitrary<Scenario> Scenarios()
    {
        // Progress-making calls are weighted up, and fail/cancel kept rare, so sequences regularly reach every status.
        var kind = Gen.Frequency(
            (60, Gen.Constant(OpKind.Start)),
            (10, Gen.Constant(OpKind.AttachWorkflow)),
            (120, Gen.Constant(OpKind.StartWave)),
            (20, Gen.Constant(OpKind.PauseBeforeWave)),
            (20, Gen.Constant(OpKind.RequestPause)),
            (40, Gen.Constant(OpKind.Resume)),
            (1, Gen.Constant(OpKind.RequestCancel)),
            (20, Gen.Constant(OpKind.SetWaveWaitToken)),
            (100, Gen.Constant(OpKind.RecordJobIntent)),
            (100, Gen.Constant(OpKind.RecordJobStarted)),
            (240, Gen.Constant(OpKind.ServerUpdate)),
            (20, Gen.Constant(OpKind.JobStatus)),
            (100, Gen.Constant(OpKind.EvaluateWave)),
            (40, Gen.Constant(OpKind.Complete)),
            (1, Gen.Constant(OpKind.FinishCancellation)),
            (1, Gen.Constant(OpKind.Fail)),
            (10, Gen.Constant(OpKind.RequestTermination)),
            (10, Gen.Constant(OpKind.TerminationStarted)),
            (10, Gen.Constant(OpKind.TerminationEnded)));
        var op = from k in kind
                 from a in Gen.Choose(0, 4)
                 from b in Gen.Choose(0, 5)
                 select new Op(k, a, b);
        var gen = from waves in Gen.Choose(1, 4)
                  from servers in Gen.ArrayOf(Gen.Choose(0, 4), waves)
                  from pause in Gen.ArrayOf(Gen.Elements(false, false, true), waves)
                  from optional in Gen.ArrayOf(Gen.Elements(false, true), waves)
                  from pauseFirst in Gen.Elements(false, false, true)
                  from recovery in Gen.Elements(false, true)
                  from length in Gen.Choose(1, 200)
                  from ops in Gen.ArrayOf(op, length)
                  select new Scenario(servers, pause, optional, pauseFirst, recovery, ops);
        return gen.ToArbitrary();
    }

    [Fact]
    public void AnyOperationSequence_StaysOnTheMachinesAndRejectionsChangeNothing()
    {
        var reachedTerminal = 0;
        var finalStatuses = new Dictionary<ExecutionStatus, int>();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(Scenarios(), scenario =>
        {
            var run = new ScenarioRun(scenario);
            foreach (var op in scenario.Ops)
            {
                run.Step(op);
            }

            finalStatuses[run.Execution.Status] = finalStatuses.GetValueOrDefault(run.Execution.Status) + 1;
            if (run.Execution.Status.IsTerminal())
            {
                reachedTerminal++;
            }

            return true;
        }));

        output.WriteLine("Final statuses: " + string.Join(", ", finalStatuses.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")));

        // Guards the generator: a property that never leaves PENDING would prove little.
        Assert.True(reachedTerminal > 20, $"Only {reachedTerminal} of 200 scenarios reached a terminal status.");
    }

    private sealed class ScenarioRun
    {
        private static readonly string[] Arns = ["arn:aws:states:us-east-1:111100000001:execution:sm:a", "arn:aws:states:us-east-1:111100000001:execution:sm:b"];
        private readonly Scenario scenario;
        private readonly IReadOnlyList<SourceServerRef>[] serversOfWave;
        private readonly Dictionary<string, int> rank = new(StringComparer.Ordinal);
        private DateTimeOffset now = TestIds.Epoch;
        private int requests;

        public ScenarioRun(Scenario scenario)
        {
            this.scenario = scenario;
            var builder = new RecoveryPlanBuilder();
            var next = 1L;
            serversOfWave = new IReadOnlyList<SourceServerRef>[scenario.ServersPerWave.Length];
            for (var i = 0; i < scenario.ServersPerWave.Length; i++)
            {
                var index = i;
                builder.WithWave($"w{i}", w => w
                    .WithGroups($"pg-{index}")
                    .PausingBefore(index > 0 && scenario.PauseBefore[index])
                    .WithDefaultCriticality(scenario.Optional[index] ? ServerCriticality.Optional : ServerCriticality.Critical));

                // Servers alternate between two locations so jobs are per location.
                serversOfWave[i] = [.. Enumerable.Range(0, scenario.ServersPerWave[i]).Select(k =>
                    new SourceServerRef(TestIds.SourceServerId(next + k), TestIds.AccountId(k % 2), TestIds.Region))];
                next += scenario.ServersPerWave[i];
            }

            Execution = new ExecutionBuilder()
                .ForPlan(builder.Build())
                .OfType(scenario.Recovery ? ExecutionType.Recovery : ExecutionType.Drill)
                .WithOptions(new ExecutionOptions { PauseBeforeFirstWave = scenario.PauseFirst })
                .Build();
        }

        public Execution Execution { get; }

        public void Step(Op op)
        {
            now = now.AddSeconds(30);
            var before = Execution.Record;
            var beforeJson = ExecutionJson.Of(Execution);
            try
            {
                Apply(op);
            }
            catch (DomainException)
            {
                var afterJson = ExecutionJson.Of(Execution);
                if (afterJson != beforeJson)
                {
                    throw new InvalidOperationException($"Rejected {op} changed the aggregate. {scenario}");
                }

                return;
            }

            CheckInvariants(before, op);
        }

        private void Apply(Op op)
        {
            var waves = Execution.Waves;
            var waveIndex = op.A % (waves.Count + 1); // one past the end: an unknown wave
            switch (op.Kind)
            {
                case OpKind.Start: Execution.Start(now); break;
                case OpKind.AttachWorkflow: Execution.AttachWorkflow(Arns[op.B % 2]); break;
                case OpKind.StartWave:
                    var index = Execution.NextWaveIndex ?? waveIndex;
                    Execution.StartWave(op.B == 5 ? waveIndex : index, index < serversOfWave.Length ? serversOfWave[index] : [], now);
                    break;
                case OpKind.PauseBeforeWave: Execution.PauseBeforeWave(Execution.NextWaveIndex ?? waveIndex, "pause-token", now); break;
                case OpKind.RequestPause: Execution.RequestPause("op", now); break;
                case OpKind.Resume: Execution.Resume("op", now); break;
                case OpKind.RequestCancel: Execution.RequestCancel("op", now); break;
                case OpKind.SetWaveWaitToken: Execution.SetWaveWaitToken(Execution.InFlightWave?.WaveIndex ?? waveIndex, "wave-token", now); break;
                case OpKind.RecordJobIntent: RecordIntent(op); break;
                case OpKind.RecordJobStarted: StartJob(op); break;
                case OpKind.ServerUpdate: UpdateServer(op); break;
                case OpKind.JobStatus: Execution.ApplyJobStatus($"job-{op.A}", (DrsJobStatus)(op.B % 3), now); break;
                case OpKind.EvaluateWave: Execution.EvaluateWave(Execution.InFlightWave?.WaveIndex ?? waveIndex, now); break;
                case OpKind.Complete: Execution.Complete(now); break;
                case OpKind.FinishCancellation: Execution.FinishCancellation(now); break;
                case OpKind.Fail: Execution.Fail("injected", now); break;
                case OpKind.RequestTermination: Execution.RequestTermination("op", now); break;
                case OpKind.TerminationStarted: Execution.RecordTerminationStarted(["term-job"], now); break;
                case OpKind.TerminationEnded: Execution.RecordTerminationEnded(op.B % 2 == 0, null, now); break;
            }
        }

        private void RecordIntent(Op op)
        {
            var wave = Execution.InFlightWave ?? Execution.Waves[op.A % Execution.Waves.Count];
            var taken = wave.Jobs.SelectMany(j => j.SourceServerIds).ToHashSet(StringComparer.Ordinal);
            var free = wave.Servers.Where(s => !taken.Contains(s.SourceServerId)).GroupBy(s => new AccountRegion(s.AccountId, s.Region)).FirstOrDefault();
            if (op.B == 5 && wave.Jobs.Count > 0)
            {
                // A retried intent: same request, same servers.
                var job = wave.Jobs[0];
                Execution.RecordJobIntent(wave.WaveIndex, job.RequestId, job.Location, job.SourceServerIds.ToArray(), now);
                return;
            }

            var location = free?.Key ?? new AccountRegion(TestIds.AccountId(0), TestIds.Region);
            var ids = free is null ? [TestIds.SourceServerId(9999)] : free.Take(op.B + 1).Select(s => s.SourceServerId).ToArray();
            Execution.RecordJobIntent(wave.WaveIndex, $"req-{requests++}", location, ids, now);
        }

        private void StartJob(Op op)
        {
            var wave = Execution.InFlightWave ?? Execution.Waves[op.A % Execution.Waves.Count];
            if (wave.Jobs.Count == 0)
            {
                Execution.RecordJobStarted(wave.WaveIndex, "req-none", "job-x", now);
                return;
            }

            var job = wave.Jobs[op.A % wave.Jobs.Count];
            var jobId = op.B == 5 ? "job-conflicting" : job.JobId ?? $"job-{wave.WaveIndex}-{op.A % wave.Jobs.Count}";
            Execution.RecordJobStarted(wave.WaveIndex, job.RequestId, jobId, now);
        }

        private void UpdateServer(Op op)
        {
            // Mostly servers of the wave in flight (news that matters), sometimes any server (late or stray news).
            var inFlight = Execution.InFlightWave?.Servers.Select(s => s.SourceServerId).ToArray() ?? [];
            var all = serversOfWave.SelectMany(s => s).Select(s => s.SourceServerId).ToArray();
            var pool = inFlight.Length > 0 && op.A != 4 ? inFlight : all;
            var id = pool.Length == 0 ? TestIds.SourceServerId(1) : pool[(op.A * 7 + op.B) % pool.Length];
            // Mostly successes, so that runs also reach COMPLETED and PARTIAL.
            var status = op.B switch
            {
                0 => ServerLaunchStatus.Pending,
                1 => ServerLaunchStatus.InProgress,
                2 or 3 => ServerLaunchStatus.Launched,
                4 => (op.A % 2 == 0) ? ServerLaunchStatus.Failed : ServerLaunchStatus.Launched,
                _ => (op.A % 3 == 0) ? ServerLaunchStatus.Terminated : ServerLaunchStatus.NotStarted,
            };
            Execution.ApplyServerLaunchUpdate(new ServerLaunchUpdate
            {
                SourceServerId = id,
                LaunchStatus = status,
                At = now,
                RecoveryInstanceId = status == ServerLaunchStatus.Launched ? "ri-" + id : null,
            });
        }

        private void CheckInvariants(ExecutionRecord before, Op op)
        {
            var after = Execution.Record;
            void Require(bool condition, string what)
            {
                if (!condition)
                {
                    throw new InvalidOperationException($"After {op}: {what}. {scenario}");
                }
            }

            Require(before.Status == after.Status || ExecutionTransitions.IsAllowed(before.Status, after.Status), $"illegal {before.Status} -> {after.Status}");
            for (var i = 0; i < after.Waves.Count; i++)
            {
                var (from, to) = (before.Waves[i].Status, after.Waves[i].Status);
                Require(from == to || WaveTransitions.IsAllowed(from, to), $"wave {i} illegal {from} -> {to}");
            }

            Require(after.Version == before.Version, "the domain changed Version");
            Require(after.Audit.Count >= before.Audit.Count && after.Audit.Take(before.Audit.Count).SequenceEqual(before.Audit), "audit trail rewritten");

            var inFlight = after.Waves.Where(w => w.IsInFlight).ToList();
            Require(inFlight.Count <= 1, "more than one wave in flight");
            Require(inFlight.Count == 0 || after.Status is ExecutionStatus.Running or ExecutionStatus.Cancelling, $"wave in flight while {after.Status}");
            Require(after.Status != ExecutionStatus.Pending || after.Waves.All(w => w.Status == WaveStatus.Pending), "PENDING with started waves");
            Require(after.Status != ExecutionStatus.Paused || (inFlight.Count == 0 && after.WaitingTask?.Purpose == WaitPurpose.Pause), "PAUSED without a pause token or with a wave in flight");
            if (after.Status.IsTerminal())
            {
                Require(after.Waves.All(w => w.Status.IsTerminal()), $"{after.Status} with unfinished waves");
                Require(after.EndedAt is not null, "terminal without EndedAt");
            }

            Require(after.Status != ExecutionStatus.Completed || after.Waves.All(w => w.Status == WaveStatus.Completed), "COMPLETED with a wave not COMPLETED");
            Require(after.Status != ExecutionStatus.Partial || (after.Waves.Any(w => w.Status == WaveStatus.Partial) && after.Waves.All(w => w.Status is WaveStatus.Completed or WaveStatus.Partial)), "PARTIAL without a PARTIAL wave");
            Require(!after.Waves.Any(w => w.Status == WaveStatus.Failed) || after.Status is ExecutionStatus.Failed or ExecutionStatus.Cancelled, "failed wave but execution carries on");

            var startedAfterPending = false;
            foreach (var wave in after.Waves)
            {
                var started = wave.Status is not (WaveStatus.Pending or WaveStatus.Skipped or WaveStatus.Cancelled);
                Require(!(started && startedAfterPending), "a wave started while an earlier one never did");
                startedAfterPending |= wave.Status == WaveStatus.Pending;
            }

            foreach (var server in after.Waves.SelectMany(w => w.Servers))
            {
                var r = Rank(server.LaunchStatus);
                Require(!rank.TryGetValue(server.SourceServerId, out var old) || r >= old, $"server {server.SourceServerId} regressed to {server.LaunchStatus}");
                rank[server.SourceServerId] = r;
            }

            foreach (var job in after.Waves.SelectMany(w => w.Jobs).Where(j => j.JobId is not null))
            {
                var servers = after.Waves.SelectMany(w => w.Servers).Where(s => job.SourceServerIds.Contains(s.SourceServerId));
                Require(servers.All(s => s.JobId == job.JobId), $"servers of {job.JobId} do not carry its ID");
            }
        }

        private static int Rank(ServerLaunchStatus status) => status switch
        {
            ServerLaunchStatus.NotStarted => 0,
            ServerLaunchStatus.Pending => 1,
            ServerLaunchStatus.InProgress => 2,
            ServerLaunchStatus.Terminated => 4,
            _ => 3,
        };
    }
}
