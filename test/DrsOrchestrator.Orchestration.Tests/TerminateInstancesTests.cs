using System.Text.Json.Nodes;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Functions.ExecutionPoller;
using DrsOrchestrator.Orchestration.Tests.Support;
using DrsOrchestrator.Tests.Common.Builders;
using DrsOrchestrator.Tests.Common.DynamoDb;
using DrsOrchestrator.Tests.Common.Engine;
using Xunit;

namespace DrsOrchestrator.Orchestration.Tests;

[Collection(EngineCollection.Name)]
public sealed class TerminateInstancesTests(DynamoDbLocalFixture dynamo)
{
    private const string Account = "111111111111";
    private const string Region = "us-east-1";

    [Fact]
    public async Task TerminateInstances_FinishedDrill_FinderTracksTerminateJobsUntilInstancesAreGone()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var drill = await RunToEndAsync(harness, ExecutionType.Drill);
        var instanceIds = drill.Waves.SelectMany(w => w.Servers).Select(s => s.RecoveryInstanceId!).ToList();
        var poller = new PollerHandler(harness.Engine);

        // Act
        var requested = await harness.Commands.TerminateInstancesAsync(drill.ExecutionId, "operator@example.com", confirmRecovery: false, CancellationToken.None);
        Execution ended;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            // The scheduled finder, not a status read, moves the termination on.
            await poller.HandleAsync(ScheduledEvent(), CancellationToken.None);
            ended = await harness.LoadAsync(drill.ExecutionId);
            await Task.Delay(20);
        }
        while (ended.Record.Termination.Status == TerminationStatus.InProgress && DateTime.UtcNow < deadline);

        // Assert
        Assert.Equal(TerminationStatus.InProgress, requested.Record.Termination.Status);
        Assert.Equal(TerminationStatus.Completed, ended.Record.Termination.Status);
        Assert.All(ended.Waves.SelectMany(w => w.Servers), s => Assert.Equal(ServerLaunchStatus.Terminated, s.LaunchStatus));
        var terminateJobs = harness.Simulator.JobHistory.Where(j => j.Type == "TERMINATE").ToList();
        Assert.Equal(requested.Record.Termination.JobIds.Order(), terminateJobs.Select(j => j.JobId).Order());
        Assert.All(terminateJobs, j => Assert.NotNull(j.Ended));
        var remaining = await harness.CrashInjector.For(Account, Region).DescribeRecoveryInstancesAsync(new DrsRecoveryInstanceQuery(RecoveryInstanceIds: instanceIds), CancellationToken.None);
        Assert.Empty(remaining.Items);
        Assert.DoesNotContain(harness.Simulator.SourceServersOf(Account, Region), s => s.RecoveryInstanceId is { } id && instanceIds.Contains(id));
    }

    [Fact]
    public async Task TerminateInstances_RecoveryWithoutThenWithConfirmation_RefusedThenTerminated()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var recovery = await RunToEndAsync(harness, ExecutionType.Recovery);

        // Act
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            harness.Commands.TerminateInstancesAsync(recovery.ExecutionId, "operator@example.com", confirmRecovery: false, CancellationToken.None));
        var afterRefusal = await harness.LoadAsync(recovery.ExecutionId);
        var terminateJobsAfterRefusal = harness.Simulator.JobHistory.Count(j => j.Type == "TERMINATE");
        var confirmed = await harness.Commands.TerminateInstancesAsync(recovery.ExecutionId, "operator@example.com", confirmRecovery: true, CancellationToken.None);

        // Assert
        Assert.Equal((ErrorKind.Validation, ErrorCodes.RecoveryConfirmationRequired), (refused.Kind, refused.Code));
        Assert.Equal(TerminationStatus.NotRequested, afterRefusal.Record.Termination.Status);
        Assert.Equal(0, terminateJobsAfterRefusal);
        Assert.Equal(TerminationStatus.InProgress, confirmed.Record.Termination.Status);
        Assert.NotEmpty(confirmed.Record.Termination.JobIds);
    }

    private static async Task<Execution> RunToEndAsync(EngineHarness harness, ExecutionType type)
    {
        var servers = harness.ServerIds(Account, Region).Take(2);
        var group = await harness.CreateGroupAsync("terminate", Account, Region, servers);
        var plan = new RecoveryPlanBuilder().WithId("plan-" + Guid.NewGuid().ToString("N")).WithName("terminate-" + type)
            .WithWave("all", group.GroupId).WithKnownGroups(group.GroupId).Build();
        var started = await harness.StartAsync(plan, type);
        var execution = await harness.RunToEndAsync(started.Execution);
        Assert.Equal(ExecutionStatus.Completed, execution.Status);
        return execution;
    }

    private static JsonObject ScheduledEvent() => new()
    {
        ["detail-type"] = PollerHandler.ScheduledDetailType,
        ["source"] = "aws.events",
        ["detail"] = new JsonObject(),
    };
}
