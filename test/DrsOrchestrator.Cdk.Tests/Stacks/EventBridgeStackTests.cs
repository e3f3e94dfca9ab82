using DrsOrchestrator.Cdk.Stacks;
using DrsOrchestrator.Cdk.Tests.Fixtures;

namespace DrsOrchestrator.Cdk.Tests.Stacks;

[Collection(SynthesizedAppsCollection.Name)]
public sealed class EventBridgeStackTests(FullAppFixture full, ExternalRoleAppFixture external)
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
    [InlineData("drs-orchestrator-dev-tag-sync", "rate(15 minutes)", ScheduledTask.TagSync)]
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
    public void FinderSchedule_Input_IsUnderstoodByThePoller()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Events);
        var rule = json.Resources("AWS::Events::Rule").Select(r => r.Resource.Props())
            .Single(r => r["Name"].Str() == "drs-orchestrator-dev-execution-finder");

        // Act
        var input = System.Text.Json.Nodes.JsonNode.Parse(rule["Targets"]![0]!["Input"].Str())!.AsObject();

        // Assert: the deployed schedule must reach the poller's reconcile path, not be ignored.
        Assert.True(DrsOrchestrator.Functions.ExecutionPoller.PollerHandler.IsFinderRequest(input));
    }

    [Fact]
    public void TagSyncSchedule_Input_IsUnderstoodByThePollerAsATagSyncTick()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Events);
        var rule = json.Resources("AWS::Events::Rule").Select(r => r.Resource.Props())
            .Single(r => r["Name"].Str() == "drs-orchestrator-dev-tag-sync");

        // Act
        var input = System.Text.Json.Nodes.JsonNode.Parse(rule["Targets"]![0]!["Input"].Str())!.AsObject();

        // Assert: the deployed schedule must reach the poller's tag sync path, not the finder's and not be ignored.
        Assert.True(DrsOrchestrator.Functions.ExecutionPoller.PollerHandler.IsTagSyncRequest(input));
        Assert.False(DrsOrchestrator.Functions.ExecutionPoller.PollerHandler.IsFinderRequest(input));
    }

    [Fact]
    public void TagSyncSchedule_Rate_MatchesThePollerTickAndBeatsTheShortestInterval()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Events);
        var tick = DrsOrchestrator.Functions.ExecutionPoller.PollerHandler.TagSyncTickInterval;

        // Act
        var rule = json.Resources("AWS::Events::Rule").Select(r => r.Resource.Props())
            .Single(r => r["Name"].Str() == "drs-orchestrator-dev-tag-sync");

        // Assert: the local host ticks at the poller's interval; the deployed rule must tick just as often,
        // and more often than the shortest intervalHours, or a 1-hour interval could not be kept.
        Assert.Equal($"rate({tick.TotalMinutes:0} minutes)", rule["ScheduleExpression"].Str());
        Assert.True(tick < TimeSpan.FromHours(DrsOrchestrator.Application.Configuration.TagSyncSettings.MinIntervalHours));
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

    [Fact]
    public void SpokeLaunchResultRule_OnTheHubBus_SendsForwardedResultsToThePoller()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Events);

        // Act
        var rule = json.Resources("AWS::Events::Rule").Select(r => r.Resource.Props())
            .Single(r => r["Name"].Str() == "drs-orchestrator-dev-spoke-drs-launch-result");

        // Assert
        var busId = json.Resources("AWS::Events::EventBus").Single().LogicalId;
        Assert.Contains(busId, rule["EventBusName"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["aws.drs"], rule["EventPattern"]!["source"].AsStrings());
        Assert.Equal([EventBridgeStack.LaunchResultDetailType], rule["EventPattern"]!["detail-type"].AsStrings());
        Assert.Contains("ExecutionPoller", rule["Targets"]![0]!["Arn"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BusPolicy_SpokeAccounts_MayPutOnlyDrsEvents()
    {
        // Arrange
        var json = external.JsonOf(external.Stacks.Hub.Events);

        // Act
        var statement = json.Resources("AWS::Events::EventBusPolicy").Select(p => p.Resource.Props())
            .Single(p => p["StatementId"].Str() == "SpokeAccountsPutDrsEvents")["Statement"]!;

        // Assert
        Assert.Equal("events:PutEvents", statement["Action"].Str());
        var principals = statement["Principal"]!["AWS"]!.ToJsonString();
        foreach (var account in ExternalRoleAppFixture.SpokeAccountIds)
        {
            Assert.Contains($":iam::{account}:root", principals, StringComparison.Ordinal);
        }

        Assert.Equal("aws.drs", statement["Condition"]!["StringEquals"]!["events:source"].Str());
        Assert.Contains("Bus", statement["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BusPolicy_Organization_AnyAccountOfItMayPutOnlyDrsEvents()
    {
        // Arrange
        var json = external.JsonOf(external.Stacks.Hub.Events);

        // Act
        var statement = json.Resources("AWS::Events::EventBusPolicy").Select(p => p.Resource.Props())
            .Single(p => p["StatementId"].Str() == "OrganizationPutDrsEvents")["Statement"]!;

        // Assert
        Assert.Equal("*", statement["Principal"].Str());
        Assert.Equal(ExternalRoleAppFixture.OrganizationId, statement["Condition"]!["StringEquals"]!["aws:PrincipalOrgID"].Str());
        Assert.Equal("aws.drs", statement["Condition"]!["StringEquals"]!["events:source"].Str());
    }

    [Fact]
    public void BusPolicy_NoSpokesConfigured_BusStaysPrivate()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Events);

        // Act
        var policies = json.Resources("AWS::Events::EventBusPolicy");

        // Assert
        Assert.Empty(policies);
    }
}
