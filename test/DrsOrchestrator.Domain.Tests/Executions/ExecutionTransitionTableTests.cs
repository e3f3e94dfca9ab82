using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Tests.Common.Builders;
using ES = DrsOrchestrator.Domain.Executions.ExecutionStatus;
using WS = DrsOrchestrator.Domain.Executions.WaveStatus;

namespace DrsOrchestrator.Domain.Tests.Executions;

public sealed class ExecutionTransitionTableTests
{
    /// <summary>The brief's machine, written out independently of <see cref="ExecutionTransitions"/>.</summary>
    private static readonly HashSet<(ES, ES)> LegalExecution =
    [
        (ES.Pending, ES.Running), (ES.Pending, ES.Cancelled), (ES.Pending, ES.Failed),
        (ES.Running, ES.Paused), (ES.Running, ES.Cancelling), (ES.Running, ES.Cancelled),
        (ES.Running, ES.Completed), (ES.Running, ES.Partial), (ES.Running, ES.Failed),
        (ES.Paused, ES.Running), (ES.Paused, ES.Cancelled), (ES.Paused, ES.Failed),
        (ES.Cancelling, ES.Cancelled), (ES.Cancelling, ES.Failed),
    ];

    private static readonly HashSet<(WS, WS)> LegalWave =
    [
        (WS.Pending, WS.Starting), (WS.Pending, WS.Skipped), (WS.Pending, WS.Cancelled),
        (WS.Starting, WS.Launching), (WS.Starting, WS.Completed), (WS.Starting, WS.Partial), (WS.Starting, WS.Failed), (WS.Starting, WS.Cancelled),
        (WS.Launching, WS.Completed), (WS.Launching, WS.Partial), (WS.Launching, WS.Failed), (WS.Launching, WS.Cancelled),
    ];

    public static TheoryData<ES, ES> AllExecutionPairs()
    {
        var data = new TheoryData<ES, ES>();
        foreach (var from in Enum.GetValues<ES>())
        {
            foreach (var to in Enum.GetValues<ES>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    public static TheoryData<WS, WS> AllWavePairs()
    {
        var data = new TheoryData<WS, WS>();
        foreach (var from in Enum.GetValues<WS>())
        {
            foreach (var to in Enum.GetValues<WS>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllExecutionPairs))]
    public void IsAllowed_EveryExecutionStatusPair_MatchesTheBrief(ES from, ES to)
    {
        Assert.Equal(LegalExecution.Contains((from, to)), ExecutionTransitions.IsAllowed(from, to));
    }

    [Theory]
    [MemberData(nameof(AllWavePairs))]
    public void IsAllowed_EveryWaveStatusPair_MatchesTheMachine(WS from, WS to)
    {
        Assert.Equal(LegalWave.Contains((from, to)), WaveTransitions.IsAllowed(from, to));
    }

    [Theory]
    [InlineData(ES.Pending, true)]
    [InlineData(ES.Running, true)]
    [InlineData(ES.Paused, true)]
    [InlineData(ES.Cancelling, true)]
    [InlineData(ES.Completed, false)]
    [InlineData(ES.Partial, false)]
    [InlineData(ES.Failed, false)]
    [InlineData(ES.Cancelled, false)]
    public void IsActive_EveryStatus_PendingRunningPausedCancellingOnly(ES status, bool active)
    {
        Assert.Equal(active, status.IsActive());
        Assert.Equal(active, ExecutionFixtures.In(status).IsActive);
    }

    public enum Operation
    {
        Start,
        Resume,
        RequestPause,
        RequestCancel,
        Complete,
        FinishCancellation,
        Fail,
        PauseBeforeNextWave,
        StartNextWave,
    }

    /// <summary>Which operations each status accepts, from the fixtures' shape (two waves; see <see cref="ExecutionFixtures.In"/>).</summary>
    private static readonly Dictionary<Operation, ES[]> AcceptedIn = new()
    {
        [Operation.Start] = [ES.Pending],
        [Operation.Resume] = [ES.Paused],
        [Operation.RequestPause] = [ES.Running],
        [Operation.RequestCancel] = [ES.Pending, ES.Running, ES.Paused],
        [Operation.Complete] = [],
        [Operation.FinishCancellation] = [ES.Cancelling],
        [Operation.Fail] = [ES.Pending, ES.Running, ES.Paused, ES.Cancelling],
        [Operation.PauseBeforeNextWave] = [ES.Running],
        [Operation.StartNextWave] = [ES.Running],
    };

    public static TheoryData<ES, Operation> EveryStatusAndOperation()
    {
        var data = new TheoryData<ES, Operation>();
        foreach (var status in Enum.GetValues<ES>())
        {
            foreach (var operation in Enum.GetValues<Operation>())
            {
                data.Add(status, operation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndOperation))]
    public void Operation_InEveryStatus_AcceptedOnlyWhereLegalAndRejectionChangesNothing(ES status, Operation operation)
    {
        var execution = ExecutionFixtures.In(status);
        Assert.Equal(status, execution.Status);
        var before = ExecutionJson.Of(execution);

        var error = Record.Exception(() => Apply(execution, operation));

        if (AcceptedIn[operation].Contains(status))
        {
            Assert.Null(error);
            Assert.True(execution.Status == status || ExecutionTransitions.IsAllowed(status, execution.Status));
        }
        else
        {
            var domainError = Assert.IsType<DomainException>(error);
            Assert.Equal((ErrorKind.Conflict, ErrorCodes.InvalidStateTransition), (domainError.Kind, domainError.Code));
            Assert.Equal(before, ExecutionJson.Of(execution));
        }
    }

    private static void Apply(Execution execution, Operation operation)
    {
        var at = ExecutionFixtures.T0.AddMinutes(30);
        switch (operation)
        {
            case Operation.Start: execution.Start(at); break;
            case Operation.Resume: execution.Resume("op", at); break;
            case Operation.RequestPause: execution.RequestPause("op", at); break;
            case Operation.RequestCancel: execution.RequestCancel("op", at); break;
            case Operation.Complete: execution.Complete(at); break;
            case Operation.FinishCancellation: execution.FinishCancellation(at); break;
            case Operation.Fail: execution.Fail("boom", at); break;
            case Operation.PauseBeforeNextWave: execution.PauseBeforeWave(execution.NextWaveIndex ?? 0, "t", at); break;
            case Operation.StartNextWave: execution.StartWave(execution.NextWaveIndex ?? 0, ExecutionBuilder.Servers(1, 900), at); break;
        }
    }
}
