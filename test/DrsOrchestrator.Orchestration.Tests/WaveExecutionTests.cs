using DrsOrchestrator.Application.Orchestration;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Orchestration.Tests.Support;
using DrsOrchestrator.Tests.Common.Engine;
using DrsOrchestrator.Simulator.Faults;
using DrsOrchestrator.Tests.Common.Builders;
using DrsOrchestrator.Tests.Common.DynamoDb;
using DrsOrchestrator.Tests.Common.Simulator;
using DrsOrchestrator.WorkflowRunner;
using Xunit;

namespace DrsOrchestrator.Orchestration.Tests;

[Collection(EngineCollection.Name)]
public sealed class WaveExecutionTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public async Task StartDrill_ThreeWavesOnSampleFleet_CompletesWithEveryServerLaunchedInOrder()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var plan = await SampleFleetPlan.CreateAsync(harness);

        // Act
        var started = await harness.StartAsync(plan);
        var execution = await harness.RunToEndAsync(started.Execution);

        // Assert
        Assert.Equal(ExecutionStatus.Completed, execution.Status);
        Assert.All(execution.Waves, w => Assert.Equal(WaveStatus.Completed, w.Status));
        var servers = execution.Waves.SelectMany(w => w.Servers).ToList();
        Assert.Equal(harness.Scenario.Accounts.SelectMany(a => a.Regions).SelectMany(r => r.Servers).Count(s => !s.Archived), servers.Count);
        Assert.All(servers, s =>
        {
            Assert.Equal(ServerLaunchStatus.Launched, s.LaunchStatus);
            Assert.NotNull(s.JobId);
        });
        for (var i = 0; i < execution.Waves.Count; i++)
        {
            var wave = execution.Waves[i];
            Assert.NotNull(wave.StartedAt);
            Assert.NotNull(wave.EndedAt);
            if (i > 0)
            {
                Assert.True(wave.StartedAt >= execution.Waves[i - 1].EndedAt, $"wave {i} started before wave {i - 1} ended");
            }

            Assert.All(wave.Servers, s => Assert.InRange(s.LaunchEndedAt!.Value, wave.StartedAt!.Value, wave.EndedAt!.Value));

            // A DRS launch takes minutes (snapshot, conversion, boot), never seconds.
            Assert.True(wave.EndedAt - wave.StartedAt >= TimeSpan.FromMinutes(4), $"wave {i} took {wave.EndedAt - wave.StartedAt}");
        }

        // Windows databases take about 20 minutes, Linux about 5: the db wave is the long one.
        Assert.True(execution.Waves[0].EndedAt - execution.Waves[0].StartedAt > execution.Waves[2].EndedAt - execution.Waves[2].StartedAt);
        Assert.Equal(
            [ExecutionEvents.Started, ExecutionEvents.WaveCompleted, ExecutionEvents.WaveCompleted, ExecutionEvents.WaveCompleted, ExecutionEvents.Completed],
            harness.Events.DetailTypesFor(execution.ExecutionId));
        Assert.Empty(harness.PollerErrors);
    }

    [Fact]
    public async Task Resume_PausedBeforeWave2_NoWave2JobUntilResumedThenCompletes()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var plan = await SampleFleetPlan.CreateAsync(harness, configureApp: w => w.PausingBefore());
        var started = await harness.StartAsync(plan);

        // Act
        var paused = await harness.WaitUntilAsync(started.Execution.ExecutionId, e => e.Status == ExecutionStatus.Paused);
        var wave2Jobs = harness.Simulator.JobHistory.Count(j => j.Type == "LAUNCH") - paused.Waves[0].Jobs.Count;
        await harness.Commands.ResumeAsync(paused.ExecutionId, "operator@example.com", CancellationToken.None);
        var execution = await harness.RunToEndAsync(started.Execution);

        // Assert
        Assert.Equal(WaveStatus.Completed, paused.Waves[0].Status);
        Assert.Equal(WaveStatus.Pending, paused.Waves[1].Status);
        Assert.Empty(paused.Waves[1].Jobs);
        Assert.Equal(0, wave2Jobs);
        Assert.Equal(WaitPurpose.Pause, paused.Record.WaitingTask?.Purpose);
        Assert.Equal(ExecutionStatus.Completed, execution.Status);
        Assert.Contains(ExecutionEvents.Paused, harness.Events.DetailTypesFor(execution.ExecutionId));
        Assert.Contains(ExecutionEvents.Resumed, harness.Events.DetailTypesFor(execution.ExecutionId));
    }

    [Fact]
    public async Task Cancel_DuringWave2_EndsCancelledWithoutStartingWave3()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var plan = await SampleFleetPlan.CreateAsync(harness);
        var started = await harness.StartAsync(plan);
        await harness.WaitUntilAsync(started.Execution.ExecutionId, e => e.Waves[1].Status == WaveStatus.Launching && e.Waves[1].Jobs.All(j => j.JobId is not null));

        // Act
        await harness.Commands.CancelAsync(started.Execution.ExecutionId, "operator@example.com", CancellationToken.None);
        var execution = await harness.RunToEndAsync(started.Execution);

        // Assert
        Assert.Equal(ExecutionStatus.Cancelled, execution.Status);
        Assert.Equal(WaveStatus.Completed, execution.Waves[0].Status);
        Assert.Equal(WaveStatus.Cancelled, execution.Waves[2].Status);
        Assert.Empty(execution.Waves[2].Servers);
        Assert.NotEmpty(execution.Waves[1].Jobs);
        Assert.All(execution.Waves[1].Jobs, j => Assert.NotNull(j.JobId));
        Assert.Empty(harness.Runner.ListExecutions(harness.StateMachineArn, ExecutionStatuses.Running));
        Assert.DoesNotContain(harness.Simulator.JobHistory, j => j.Created > execution.Record.EndedAt!.Value && j.Type == "LAUNCH");
        Assert.Contains(ExecutionEvents.Cancelled, harness.Events.DetailTypesFor(execution.ExecutionId));
    }

    [Fact]
    public async Task Run_FailedOptionalVersusCriticalServer_EndsPartialVersusFailed()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo, faults: FaultSettings.None with { FailLaunchHostnames = ["payments-web-01", "inventory-web-01"] });
        var paymentsWeb = harness.ServerIds("222222222222", "us-east-1", h => h.StartsWith("payments-web", StringComparison.Ordinal));
        var inventoryWeb = harness.ServerIds("111111111111", "us-west-2", h => h.StartsWith("inventory-web", StringComparison.Ordinal));
        var inventoryApp = harness.ServerIds("111111111111", "us-west-2", h => h.StartsWith("inventory-app", StringComparison.Ordinal));
        var optionalGroup = await harness.CreateGroupAsync("payments-web", "222222222222", "us-east-1", paymentsWeb);
        var criticalGroup = await harness.CreateGroupAsync("inventory-web", "111111111111", "us-west-2", inventoryWeb);
        var laterGroup = await harness.CreateGroupAsync("inventory-app", "111111111111", "us-west-2", inventoryApp);
        var failingPayments = harness.Simulator.SourceServersOf("222222222222", "us-east-1").Single(s => s.Hostname == "payments-web-01").SourceServerId;
        var optionalPlan = new RecoveryPlanBuilder().WithId("plan-opt").WithName("optional")
            .WithWave("web", w => w.WithGroups(optionalGroup.GroupId).WithCriticality(failingPayments, ServerCriticality.Optional))
            .WithKnownGroups(optionalGroup.GroupId).Build();
        var criticalPlan = new RecoveryPlanBuilder().WithId("plan-crit").WithName("critical")
            .WithWave("web", criticalGroup.GroupId)
            .WithWave("app", laterGroup.GroupId)
            .WithKnownGroups(criticalGroup.GroupId, laterGroup.GroupId).Build();

        // Act
        var optional = await harness.StartAsync(optionalPlan);
        var critical = await harness.StartAsync(criticalPlan);
        var optionalEnd = await harness.RunToEndAsync(optional.Execution);
        var criticalEnd = await harness.RunToEndAsync(critical.Execution);

        // Assert
        Assert.Equal(ExecutionStatus.Partial, optionalEnd.Status);
        Assert.Equal(WaveStatus.Partial, optionalEnd.Waves[0].Status);
        Assert.Equal(ServerLaunchStatus.Failed, optionalEnd.Waves[0].Servers.Single(s => s.SourceServerId == failingPayments).LaunchStatus);
        Assert.Equal(ExecutionStatus.Failed, criticalEnd.Status);
        Assert.Equal(WaveStatus.Failed, criticalEnd.Waves[0].Status);
        Assert.Equal(WaveStatus.Skipped, criticalEnd.Waves[1].Status);
        Assert.Empty(criticalEnd.Waves[1].Jobs);
        var failingInventory = harness.Simulator.SourceServersOf("111111111111", "us-west-2").Single(s => s.Hostname == "inventory-web-01").SourceServerId;
        Assert.Contains(failingInventory, criticalEnd.Record.FailureCause ?? "", StringComparison.Ordinal);
        Assert.Contains(ExecutionEvents.Partial, harness.Events.DetailTypesFor(optionalEnd.ExecutionId));
        Assert.Contains(ExecutionEvents.Failed, harness.Events.DetailTypesFor(criticalEnd.ExecutionId));
    }

    [Fact]
    public async Task StartWave_CrashAfterStartRecoveryBeforeWrite_RetryAdoptsJobInsteadOfStartingAnother()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var servers = harness.ServerIds("111111111111", "us-east-1");
        var group = await harness.CreateGroupAsync("orderportal", "111111111111", "us-east-1", servers);
        var plan = new RecoveryPlanBuilder().WithId("plan-crash").WithName("crash").WithWave("all", group.GroupId).WithKnownGroups(group.GroupId).Build();
        harness.CrashInjector.Arm();

        // Act
        var started = await harness.StartAsync(plan);
        var execution = await harness.RunToEndAsync(started.Execution);

        // Assert
        Assert.Equal(1, harness.CrashInjector.Crashes);
        Assert.Equal(ExecutionStatus.Completed, execution.Status);
        var launchJobs = harness.Simulator.JobHistory.Where(j => j.Type == "LAUNCH").ToList();
        Assert.Single(launchJobs);
        Assert.Equal(servers.Count, launchJobs[0].ServerCount);
        Assert.Equal(launchJobs[0].JobId, Assert.Single(execution.Waves[0].Jobs).JobId);
        Assert.Equal(1, harness.Engine.Counters.JobsAdopted);
    }

    [Fact]
    public async Task Run_ThirtyPercentOfLaunchEventsDropped_CompletesThroughReconcile()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo, faults: FaultSettings.None with { DropEventRate = 0.3 });
        var plan = await SampleFleetPlan.CreateAsync(harness);

        // Act
        var started = await harness.StartAsync(plan);
        var execution = await harness.RunToEndAsync(started.Execution);

        // Assert
        Assert.NotEmpty(harness.Simulator.DroppedEvents);
        Assert.Equal(ExecutionStatus.Completed, execution.Status);
        Assert.All(execution.Waves.SelectMany(w => w.Servers), s => Assert.Equal(ServerLaunchStatus.Launched, s.LaunchStatus));
        var history = harness.Runner.GetExecutionHistory(harness.WorkflowArnOf(execution));
        Assert.Contains(history, e => e.StateName == "ReconcileWave");
    }

    [Fact]
    public async Task Start_PlanSharingServerWithActiveExecution_RejectedWithServerConflict()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo, scale: 60);
        var group = await harness.CreateGroupAsync("shared", "111111111111", "us-east-1", harness.ServerIds("111111111111", "us-east-1").Take(2));
        var first = new RecoveryPlanBuilder().WithId("plan-a").WithName("a").WithWave("w", group.GroupId).WithKnownGroups(group.GroupId).Build();
        var second = new RecoveryPlanBuilder().WithId("plan-b").WithName("b").WithWave("w", group.GroupId).WithKnownGroups(group.GroupId).Build();
        await harness.StartAsync(first);

        // Act
        var error = await Assert.ThrowsAsync<DomainException>(() => harness.StartAsync(second));

        // Assert
        Assert.Equal(ErrorCodes.ServerConflict, error.Code);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Null(await harness.Executions.FindActiveExecutionOfPlanAsync("plan-b", CancellationToken.None));
    }

    [Fact]
    public async Task StartWave_1200ServersAcrossTwoAccounts_JobsRespectDrsLimitsPerAccountRegion()
    {
        // Arrange
        var fleet = new SimulatorScenarioBuilder()
            .Account("333333333333", "ext-333", "DrsOrchestratorCrossAccountRole").Region("us-east-1").Servers(600, "alpha")
            .Account("444444444444", "ext-444", "DrsOrchestratorCrossAccountRole").Region("eu-west-1").Servers(600, "beta")
            .Build("scale");
        await using var harness = await EngineHarness.StartAsync(dynamo, fleet, simulatorLimits: DrsOrchestrator.Simulator.Engine.DrsLimits.Default with { MaxReplicatingServers = 600 });
        var alpha = await harness.CreateGroupAsync("alpha", "333333333333", "us-east-1", harness.ServerIds("333333333333", "us-east-1"));
        var beta = await harness.CreateGroupAsync("beta", "444444444444", "eu-west-1", harness.ServerIds("444444444444", "eu-west-1"));
        var plan = new RecoveryPlanBuilder().WithId("plan-scale").WithName("scale").WithWave("everything", alpha.GroupId, beta.GroupId).WithKnownGroups(alpha.GroupId, beta.GroupId).Build();

        // Act
        var started = await harness.StartAsync(plan);
        var execution = await harness.RunToEndAsync(started.Execution, TimeSpan.FromSeconds(90));

        // Assert
        Assert.Equal(ExecutionStatus.Completed, execution.Status);
        Assert.Equal(1200, execution.Waves[0].Servers.Count(s => s.LaunchStatus == ServerLaunchStatus.Launched));
        foreach (var (account, region) in new[] { ("333333333333", "us-east-1"), ("444444444444", "eu-west-1") })
        {
            var jobs = harness.Simulator.JobHistory.Where(j => j.AccountId == account && j.Region == region && j.Type == "LAUNCH").ToList();
            Assert.Equal(600, jobs.Sum(j => j.ServerCount));
            Assert.All(jobs, j => Assert.InRange(j.ServerCount, 1, 100));
            Assert.InRange(harness.Simulator.MaxConcurrentJobs(account, region), 1, 20);
            Assert.InRange(MaxServersInActiveJobs(jobs), 1, 500);
        }

        Assert.Equal(Domain.Planning.QuotaVerdict.Insufficient, started.Quota.Verdict);
    }

    [Fact]
    public void StepResult_ToJson_ReadsAsContractStepResult()
    {
        foreach (var next in Enum.GetValues<NextStep>())
        {
            // Arrange
            var result = new StepResult("exec-1", next, next == NextStep.WaitForCapacity ? 45 : null);

            // Act
            var contract = System.Text.Json.JsonSerializer.Deserialize(result.ToJson(), Workflow.Contract.OrchestrationJsonContext.Default.OrchestrationStepResult);

            // Assert
            Assert.NotNull(contract);
            Assert.Equal("exec-1", contract.ExecutionId);
            Assert.Contains(contract.Next, Workflow.Contract.OrchestrationNextSteps.All);
            Assert.Equal(result.WaitSeconds, contract.WaitSeconds);
        }

        Assert.Equal(Workflow.Contract.OrchestrationNextSteps.All.Count, Enum.GetValues<NextStep>().Length);
    }

    private static int MaxServersInActiveJobs(IEnumerable<DrsOrchestrator.Simulator.Diagnostics.JobHistoryEntry> jobs)
    {
        var edges = jobs
            .SelectMany(j => new[] { (Time: j.Created, Delta: j.ServerCount), (Time: j.Ended ?? DateTimeOffset.MaxValue, Delta: -j.ServerCount) })
            .OrderBy(e => e.Time)
            .ThenBy(e => e.Delta);
        int current = 0, max = 0;
        foreach (var edge in edges)
        {
            current += edge.Delta;
            max = Math.Max(max, current);
        }

        return max;
    }
}
