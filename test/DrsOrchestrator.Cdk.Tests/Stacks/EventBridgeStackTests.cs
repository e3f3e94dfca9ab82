using DrsOrchestrator.Cdk.Stacks;
using DrsOrchestrator.Cdk.Tests.Fixtures;

namespace DrsOrchestrator.Cdk.Tests.Stacks;

[Collection(SynthesizedAppsCollection.Name)]
public sealed class EventBridgeStackTests(FullAppFixture full)
{
    [Fact]
    public void LaunchResultRule_Pattern_DrsLaunchResultsToThePoller()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Events);

        // Act
        var rule = json.Resources("AWS::Events::Rule").Select(r => r.Resource.Props())
            .Single(r => r["Name"].Str() == "drs-orchestrator-dev-drs-launch-result");

        // Assert
        Assert.Equal(["aws.drs"], rule["EventPattern"]!["source"].AsStrings());
        Assert.Equal([EventBridgeStack.LaunchResultDetailType], rule["EventPattern"]!["detail-type"].AsStrings());
        var target = rule["Targets"]![0]!;
        Assert.Contains("ExecutionPoller", target["Arn"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(target["DeadLetterConfig"]);
    }

    [Theory]
    [InlineData("drs-orchestrator-dev-execution-finder", "rate(5 minutes)", ScheduledTask.FindExecutions)]
    [InlineData("drs-orchestrator-dev-tag-sync", "rate(4 hours)", ScheduledTask.TagSync)]
    public void Schedule_Rule_SendsItsTaskToThePoller(string name, string expression, string task)
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Events);

        // Act
        var rule = json.Resources("AWS::Events::Rule").Select(r => r.Resource.Props()).Single(r => r["Name"].Str() == name);

        // Assert
        Assert.Equal(expression, rule["ScheduleExpression"].Str());
        Assert.Equal($$"""{"task":"{{task}}"}""", rule["Targets"]![0]!["Input"].Str());
    }

    [Fact]
    public void NotificationRule_OwnEvents_ForwardedFromTheBusToTheTopic()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Events);

        // Act
        var rule = json.Resources("AWS::Events::Rule").Select(r => r.Resource.Props()).Single(r => r["Name"].Str() == "drs-orchestrator-dev-notify");

        // Assert
        Assert.Equal(["drs-orchestrator"], rule["EventPattern"]!["source"].AsStrings());
        Assert.NotNull(rule["EventBusName"]);
        Assert.Contains("Monitoring", rule["Targets"]![0]!["Arn"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("drs-orchestrator-dev-events", json.Single("AWS::Events::EventBus").Props()["Name"].Str());
    }
}
