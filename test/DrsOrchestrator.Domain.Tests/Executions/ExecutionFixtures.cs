using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Tests.Common.Builders;

namespace DrsOrchestrator.Domain.Tests.Executions;

/// <summary>Executions brought into each status through the aggregate's own methods.</summary>
internal static class ExecutionFixtures
{
    public static readonly DateTimeOffset T0 = TestIds.Epoch;

    public static RecoveryPlan TwoWavePlan(ServerCriticality secondWaveDefault = ServerCriticality.Critical) =>
        new RecoveryPlanBuilder()
            .WithWave("Databases", "pg-db")
            .WithWave("Applications", w => w.WithGroups("pg-app").DependingOn("Databases").WithDefaultCriticality(secondWaveDefault))
            .Build();

    public static ExecutionBuilder Builder(ExecutionType type = ExecutionType.Drill) =>
        new ExecutionBuilder().WithId("exec-1").ForPlan(TwoWavePlan(ServerCriticality.Optional)).OfType(type).At(T0);

    public static void LaunchAndFinish(Execution execution, int wave, long firstServer, int count, ServerLaunchStatus outcome)
    {
        var servers = ExecutionBuilder.Servers(count, firstServer);
        ExecutionBuilder.LaunchAll(execution, wave, servers, T0);
        foreach (var server in servers)
        {
            execution.ApplyServerLaunchUpdate(new ServerLaunchUpdate
            {
                SourceServerId = server.SourceServerId,
                LaunchStatus = outcome,
                At = T0.AddMinutes(5),
                RecoveryInstanceId = outcome == ServerLaunchStatus.Launched ? "i-" + server.SourceServerId[2..] : null,
            });
        }

        execution.EvaluateWave(wave, T0.AddMinutes(5));
    }

    public static Execution In(ExecutionStatus status, ExecutionType type = ExecutionType.Drill)
    {
        var builder = Builder(type);
        switch (status)
        {
            case ExecutionStatus.Pending:
                return builder.Build();
            case ExecutionStatus.Running:
                return builder.BuildRunning();
            case ExecutionStatus.Paused:
            {
                var e = builder.BuildRunning();
                e.PauseBeforeWave(0, "pause-token", T0);
                return e;
            }

            case ExecutionStatus.Cancelling:
            {
                var e = builder.BuildLaunching(0, ExecutionBuilder.Servers(2));
                e.RequestCancel("op", T0);
                return e;
            }

            case ExecutionStatus.Completed:
            case ExecutionStatus.Partial:
            {
                var e = builder.BuildRunning();
                LaunchAndFinish(e, 0, 1, 2, ServerLaunchStatus.Launched);
                LaunchAndFinish(e, 1, 10, 2, status == ExecutionStatus.Partial ? ServerLaunchStatus.Failed : ServerLaunchStatus.Launched);
                e.Complete(T0.AddMinutes(6));
                return e;
            }

            case ExecutionStatus.Failed:
            {
                var e = builder.BuildRunning();
                LaunchAndFinish(e, 0, 1, 2, ServerLaunchStatus.Failed);
                return e;
            }

            case ExecutionStatus.Cancelled:
            {
                var e = builder.BuildRunning();
                e.RequestCancel("op", T0);
                return e;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }
    }
}
