using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Cdk.Tests.Fixtures;

namespace DrsOrchestrator.Cdk.Tests.Stacks;

[Collection(SynthesizedAppsCollection.Name)]
public sealed class MonitoringStackTests(FullAppFixture full, ApiOnlyAppFixture apiOnly)
{
    [Fact]
    public void Topic_Notifications_KmsEncryptedWithEmailSubscription()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Monitoring);

        // Act
        var topic = json.Single("AWS::SNS::Topic").Props();
        var subscription = json.Single("AWS::SNS::Subscription").Props();

        // Assert
        Assert.NotNull(topic["KmsMasterKeyId"]);
        Assert.Equal("drs-orchestrator-dev-notifications", topic["TopicName"].Str());
        Assert.Equal("email", subscription["Protocol"].Str());
        Assert.Equal(FullAppFixture.NotificationEmail, subscription["Endpoint"].Str());
        Assert.True(json.Single("AWS::KMS::Key").Props()["EnableKeyRotation"]!.GetValue<bool>());
    }

    [Fact]
    public void Topic_NoNotificationEmail_HasNoSubscription()
    {
        // Arrange
        var json = apiOnly.JsonOf(apiOnly.Stacks.Hub.Monitoring);

        // Act
        var subscriptions = json.Resources("AWS::SNS::Subscription");

        // Assert
        Assert.Empty(subscriptions);
    }

    [Fact]
    public void Alarms_Coverage_FunctionsWorkflowApiAndEveryTable()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Monitoring);

        // Act
        var alarms = json.Resources("AWS::CloudWatch::Alarm").Select(a => a.Resource.Props()).ToList();

        // Assert
        var functions = full.Stacks.Hub.Lambda.Functions.Count;
        Assert.Equal(functions + 2 + 1 + TableSchema.All.Count, alarms.Count);
        Assert.Equal(functions, alarms.Count(a => a["MetricName"]?.GetValue<string>() == "Errors"));
        Assert.Contains(alarms, a => a["MetricName"]?.GetValue<string>() == "ExecutionsFailed");
        Assert.Contains(alarms, a => a["MetricName"]?.GetValue<string>() == "5XXError");
        Assert.Equal(TableSchema.All.Count, alarms.Count(a => a["Metrics"]?.ToJsonString().Contains("ThrottleEvents", StringComparison.Ordinal) == true));
        Assert.All(alarms, a => Assert.NotEmpty(a["AlarmActions"]!.AsArray()));
        Assert.Single(json.Resources("AWS::CloudWatch::Dashboard"));
    }
}
