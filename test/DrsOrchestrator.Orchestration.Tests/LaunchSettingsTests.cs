using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Orchestration.Tests.Support;
using DrsOrchestrator.Simulator.Model;
using DrsOrchestrator.Tests.Common.Builders;
using DrsOrchestrator.Tests.Common.DynamoDb;
using DrsOrchestrator.Tests.Common.Engine;
using Xunit;

namespace DrsOrchestrator.Orchestration.Tests;

/// <summary>Group launch settings reach DRS and each server's EC2 launch template before the wave launches.</summary>
[Collection(EngineCollection.Name)]
public sealed class LaunchSettingsTests(DynamoDbLocalFixture dynamo)
{
    private const string Account = "111111111111";
    private const string Region = "us-east-1";

    [Fact]
    public async Task Drill_GroupWithSubnetGroupsTypeAndProfile_TemplatesHoldThemAndInstancesLaunchWithThem()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var network = harness.Simulator.NetworkOf(Account, Region);
        var servers = harness.ServerIds(Account, Region).Take(2).ToList();
        var subnet = network.Subnets[1];
        string[] groups = [network.SecurityGroups[1].GroupId, network.SecurityGroups[2].GroupId];
        var plan = await PlanAsync(harness, servers, new LaunchSettings
        {
            SubnetId = subnet.SubnetId,
            SecurityGroupIds = groups,
            InstanceType = "r5.large",
            InstanceProfile = "drs-recovery-app",
        });

        // Act
        var drill = await harness.RunToEndAsync((await harness.StartAsync(plan)).Execution);
        var writes = LaunchSettingWrites(harness);

        // Assert
        Assert.Equal(ExecutionStatus.Completed, drill.Status);
        var instances = harness.Simulator.DescribeRecoveryInstances(CallerIdentity.ForAccount(Account, Region), sourceServerIds: servers).Items;
        foreach (var id in servers)
        {
            var server = harness.Simulator.SourceServersOf(Account, Region).Single(s => s.SourceServerId == id);
            var template = harness.Simulator.LaunchTemplate(Account, Region, server.LaunchConfiguration.Ec2LaunchTemplateId)!;
            var data = template.DefaultVersion.Data;
            Assert.Equal(2, template.DefaultVersionNumber);
            Assert.Equal("r5.large", data.InstanceType);
            Assert.Equal("drs-recovery-app", data.IamInstanceProfileName);
            var nic = Assert.Single(data.NetworkInterfaces);
            Assert.Equal((0, subnet.SubnetId), (nic.DeviceIndex, nic.SubnetId));
            Assert.Equal(groups, nic.Groups);
            // A fixed type needs right-sizing off, or DRS would ignore it.
            Assert.Equal("NONE", server.LaunchConfiguration.TargetInstanceTypeRightSizingMethod);
            var instance = instances.Single(i => i.SourceServerId == id && i.JobId == drill.Waves[0].Servers.Single(s => s.SourceServerId == id).JobId);
            Assert.Equal(("r5.large", subnet.SubnetId), (instance.InstanceType, instance.SubnetId));
        }

        Assert.Equal((2, 2, 2), writes);
    }

    [Fact]
    public async Task Drill_SettingsAlreadyApplied_SecondRunReadsButWritesNothing()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var network = harness.Simulator.NetworkOf(Account, Region);
        var servers = harness.ServerIds(Account, Region).Skip(2).Take(2).ToList();
        var plan = await PlanAsync(harness, servers, new LaunchSettings
        {
            SubnetId = network.Subnets[2].SubnetId,
            SecurityGroupIds = [network.SecurityGroups[1].GroupId],
            InstanceType = "c5.xlarge",
            InstanceProfile = $"arn:aws:iam::{Account}:instance-profile/drs-recovery-db",
            CopyTags = false,
        });
        var first = await harness.RunToEndAsync((await harness.StartAsync(plan)).Execution);
        var afterFirst = LaunchSettingWrites(harness);
        var readsAfterFirst = harness.Simulator.Calls.Count(c => c.Operation == "DescribeLaunchTemplateVersions");

        // Act
        var second = await harness.RunToEndAsync((await harness.StartAsync(plan)).Execution);

        // Assert
        Assert.Equal(ExecutionStatus.Completed, first.Status);
        Assert.Equal(ExecutionStatus.Completed, second.Status);
        Assert.Equal((2, 2, 2), afterFirst);
        Assert.Equal(afterFirst, LaunchSettingWrites(harness));
        Assert.Equal(readsAfterFirst + 2, harness.Simulator.Calls.Count(c => c.Operation == "DescribeLaunchTemplateVersions"));
        Assert.All(servers, id => Assert.Equal(2, TemplateOf(harness, id).Versions.Count));
    }

    [Fact]
    public async Task Drill_GroupWithUnknownSubnet_ServersFailWithTheEc2CauseAndNoJobStarts()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var servers = harness.ServerIds(Account, Region).Take(2).ToList();
        var plan = await PlanAsync(harness, servers, new LaunchSettings { SubnetId = "subnet-0000000000000000f", InstanceType = "m5.large" });

        // Act
        var drill = await harness.RunToEndAsync((await harness.StartAsync(plan)).Execution);

        // Assert
        Assert.Equal(ExecutionStatus.Failed, drill.Status);
        Assert.Equal(WaveStatus.Failed, drill.Waves[0].Status);
        Assert.All(drill.Waves[0].Servers, s =>
        {
            Assert.Equal(ServerLaunchStatus.Failed, s.LaunchStatus);
            Assert.Contains("InvalidSubnetID.NotFound", s.FailureReason, StringComparison.Ordinal);
            Assert.Null(s.JobId);
        });
        Assert.Empty(drill.Waves[0].Jobs);
        Assert.DoesNotContain(harness.Simulator.JobHistory, j => j.Type == "LAUNCH");
        Assert.All(servers, id => Assert.Single(TemplateOf(harness, id).Versions));
    }

    private static async Task<RecoveryPlan> PlanAsync(EngineHarness harness, IReadOnlyList<string> servers, LaunchSettings settings)
    {
        var group = await harness.Groups.CreateAsync(
            new ProtectionGroupBuilder()
                .WithId("pg-" + Guid.NewGuid().ToString("N"))
                .WithName("launch-settings-" + Guid.NewGuid().ToString("N")[..6])
                .InAccount(Account)
                .InRegion(Region)
                .WithServers(servers)
                .WithLaunchSettings(settings)
                .At(harness.Clock.GetUtcNow())
                .Build(),
            CancellationToken.None);
        return new RecoveryPlanBuilder().WithId("plan-" + Guid.NewGuid().ToString("N")).WithName("launch-settings")
            .WithWave("all", group.GroupId).WithKnownGroups(group.GroupId).Build();
    }

    /// <summary>(UpdateLaunchConfiguration, CreateLaunchTemplateVersion, ModifyLaunchTemplate) calls the simulator served.</summary>
    private static (int Drs, int Versions, int Defaults) LaunchSettingWrites(EngineHarness harness)
    {
        var calls = harness.Simulator.Calls.Where(c => c.StatusCode == 200).ToList();
        return (calls.Count(c => c.Operation == "UpdateLaunchConfiguration"), calls.Count(c => c.Operation == "CreateLaunchTemplateVersion"), calls.Count(c => c.Operation == "ModifyLaunchTemplate"));
    }

    private static SimLaunchTemplate TemplateOf(EngineHarness harness, string serverId) =>
        harness.Simulator.LaunchTemplate(Account, Region, harness.Simulator.SourceServersOf(Account, Region).Single(s => s.SourceServerId == serverId).LaunchConfiguration.Ec2LaunchTemplateId)!;
}
