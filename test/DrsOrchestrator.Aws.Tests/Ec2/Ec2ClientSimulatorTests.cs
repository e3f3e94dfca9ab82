using DrsOrchestrator.Aws.Accounts;
using DrsOrchestrator.Aws.Tests.Drs;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Ec2;
using DrsOrchestrator.Simulator.Model;

namespace DrsOrchestrator.Aws.Tests.Ec2;

/// <summary>The production EC2 client, signing with the assumed spoke session, against the simulator over loopback HTTP.</summary>
public sealed class Ec2ClientSimulatorTests
{
    [Fact]
    public async Task DescribeSubnets_SpokeVpc_ReturnsSimulatedSubnetsSignedWithSpokeSession()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var network = sim.Simulator.NetworkOf(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region);
        var ec2 = SpokeEc2(sim);

        // Act
        var subnets = await ec2.DescribeSubnetsAsync(network.VpcId, default);

        // Assert
        Assert.Equal(network.Subnets.Select(s => s.SubnetId), subnets.Select(s => s.SubnetId));
        Assert.Equal(network.Subnets.Select(s => s.Name), subnets.Select(s => s.Name));
        Assert.All(subnets, s => Assert.Equal(network.VpcId, s.VpcId));
        var call = sim.Simulator.Calls.Single(c => c.Operation == "DescribeSubnets");
        Assert.Equal(SimulatedFleet.SpokeAccountId, call.AccountId);
        Assert.StartsWith("ASIASIM", call.AccessKeyId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeSecurityGroups_OtherVpc_ReturnsNone()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var ec2 = SpokeEc2(sim);

        // Act
        var all = await ec2.DescribeSecurityGroupsAsync(null, default);
        var other = await ec2.DescribeSecurityGroupsAsync("vpc-00000000000000000", default);

        // Assert
        Assert.Equal(sim.Simulator.NetworkOf(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region).SecurityGroups.Select(g => g.GroupName), all.Select(g => g.GroupName));
        Assert.Empty(other);
    }

    [Fact]
    public async Task DescribeInstanceTypes_NamedType_MapsVCpusAndMemory()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var ec2 = SpokeEc2(sim);

        // Act
        var types = await ec2.DescribeInstanceTypesAsync(["m5.large"], default);

        // Assert
        Assert.Equal(new Ec2InstanceType("m5.large", 2, 8192), Assert.Single(types));
    }

    [Fact]
    public async Task DescribeInstanceTypes_UnknownType_ThrowsEc2Refusal()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var ec2 = SpokeEc2(sim);

        // Act
        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => ec2.DescribeInstanceTypesAsync(["z9.huge"], default));

        // Assert
        Assert.Equal("ec2", error.Service);
        Assert.Equal("InvalidInstanceType", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeLaunchTemplates_ServerTemplate_ReturnsIt()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync(new SimulatedFleet().WithSpokeServers(2));
        var templateId = sim.Simulator.SourceServersOf(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region)[1].LaunchConfiguration.Ec2LaunchTemplateId;
        var ec2 = SpokeEc2(sim);

        // Act
        var templates = await ec2.DescribeLaunchTemplatesAsync([templateId], default);

        // Assert
        var template = Assert.Single(templates);
        Assert.Equal(templateId, template.LaunchTemplateId);
        Assert.Equal(1, template.LatestVersionNumber);
    }

    [Fact]
    public async Task DescribeInstances_AfterDrill_ReturnsRunningRecoveryInstance()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync(new SimulatedFleet().WithSpokeServers(1));
        var serverId = sim.Simulator.SourceServersOf(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region)[0].SourceServerId;
        sim.Simulator.StartRecovery(CallerIdentity.ForAccount(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region), isDrill: true, [new RecoveryServerRequest(serverId)]);
        await sim.Simulator.AdvanceAsync(TimeSpan.FromMinutes(30));
        var resolver = InMemoryAccountDirectory.WithSpoke();
        var drs = new CrossAccountDrsClientFactory(sim.AccountCredentials(resolver), sim.ClientOptions()).For(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region);
        var recovery = (await drs.DescribeRecoveryInstancesAsync(new DrsRecoveryInstanceQuery(SourceServerIds: [serverId]), default)).Items.Single();
        var ec2 = SpokeEc2(sim);

        // Act
        var instances = await ec2.DescribeInstancesAsync([recovery.Ec2InstanceId!], default);

        // Assert
        var instance = Assert.Single(instances);
        Assert.Equal(recovery.Ec2InstanceId, instance.InstanceId);
        Assert.Equal("running", instance.State);
        Assert.Contains(instance.SubnetId, sim.Simulator.NetworkOf(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region).Subnets.Select(s => s.SubnetId));
        Assert.NotEmpty(instance.Tags);
        Assert.Equal(recovery.Tags.OrderBy(t => t.Key, StringComparer.Ordinal), instance.Tags.OrderBy(t => t.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task LaunchTemplateVersions_CreateFromDefaultThenSetDefault_ReadBackHoldsChangesAndKeepsTheRest()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync(new SimulatedFleet().WithSpokeServers(1));
        var templateId = sim.Simulator.SourceServersOf(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region)[0].LaunchConfiguration.Ec2LaunchTemplateId;
        var network = sim.Simulator.NetworkOf(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region);
        var ec2 = SpokeEc2(sim);
        var before = await ec2.DescribeDefaultLaunchTemplateVersionAsync(templateId, default);
        var nic = Assert.Single(before.Data.NetworkInterfaces);
        var subnet = network.Subnets.First(s => s.SubnetId != nic.SubnetId).SubnetId;

        // Act
        var created = await ec2.CreateLaunchTemplateVersionAsync(new Ec2NewLaunchTemplateVersion(
            templateId, before.VersionNumber, "token-a", "test", "r5.xlarge", new Ec2IamInstanceProfile(null, "drs-recovery-db"),
            [nic with { SubnetId = subnet, Groups = [network.SecurityGroups[2].GroupId] }]), default);
        var stillDefault = await ec2.DescribeDefaultLaunchTemplateVersionAsync(templateId, default);
        await ec2.SetDefaultLaunchTemplateVersionAsync(templateId, created.VersionNumber, default);
        var after = await ec2.DescribeDefaultLaunchTemplateVersionAsync(templateId, default);

        // Assert
        Assert.Equal(1, before.VersionNumber);
        Assert.True(before.IsDefault);
        Assert.Equal(2, created.VersionNumber);
        Assert.Empty(created.Warnings);
        Assert.Equal(1, stillDefault.VersionNumber);
        Assert.Equal(2, after.VersionNumber);
        Assert.True(after.IsDefault);
        Assert.Equal("r5.xlarge", after.Data.InstanceType);
        Assert.Equal(new Ec2IamInstanceProfile(null, "drs-recovery-db"), after.Data.IamInstanceProfile);
        var afterNic = Assert.Single(after.Data.NetworkInterfaces);
        Assert.Equal((0, subnet, true), (afterNic.DeviceIndex, afterNic.SubnetId, afterNic.DeleteOnTermination));
        Assert.Equal([network.SecurityGroups[2].GroupId], afterNic.Groups);
        Assert.Contains(sim.Simulator.Calls, c => c.Operation == "ModifyLaunchTemplate" && c.AccountId == SimulatedFleet.SpokeAccountId);
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_UnknownSubnet_ThrowsNotFoundWithEc2Code()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync(new SimulatedFleet().WithSpokeServers(1));
        var templateId = sim.Simulator.SourceServersOf(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region)[0].LaunchConfiguration.Ec2LaunchTemplateId;
        var ec2 = SpokeEc2(sim);

        // Act
        var error = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => ec2.CreateLaunchTemplateVersionAsync(
            new Ec2NewLaunchTemplateVersion(templateId, 1, "token-b", NetworkInterfaces: [new Ec2LaunchTemplateNetworkInterface { DeviceIndex = 0, SubnetId = "subnet-0000000000000000f" }]), default));

        // Assert
        Assert.Equal(("ec2", "InvalidSubnetID.NotFound"), (error.Service, error.ErrorCode));
        Assert.Single(sim.Simulator.LaunchTemplate(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region, templateId)!.Versions);
    }

    [Fact]
    public async Task LaunchTemplateCalls_UnknownTemplateAndVersion_ThrowWithEc2Codes()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync(new SimulatedFleet().WithSpokeServers(1));
        var templateId = sim.Simulator.SourceServersOf(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region)[0].LaunchConfiguration.Ec2LaunchTemplateId;
        var ec2 = SpokeEc2(sim);

        // Act
        var unknown = await Assert.ThrowsAnyAsync<AwsServiceException>(() => ec2.DescribeDefaultLaunchTemplateVersionAsync("lt-0000000000000000f", default));
        var version = await Assert.ThrowsAnyAsync<AwsServiceException>(() => ec2.SetDefaultLaunchTemplateVersionAsync(templateId, 5, default));
        var type = await Assert.ThrowsAnyAsync<AwsServiceException>(() => ec2.CreateLaunchTemplateVersionAsync(new Ec2NewLaunchTemplateVersion(templateId, 1, "token-c", InstanceType: "z9.huge"), default));

        // Assert
        Assert.IsType<AwsResourceNotFoundException>(unknown);
        Assert.Equal("InvalidLaunchTemplateId.NotFound", unknown.ErrorCode);
        Assert.Equal("InvalidLaunchTemplateId.VersionNotFound", version.ErrorCode);
        Assert.IsType<AwsValidationException>(type);
        Assert.Equal("InvalidParameterValue", type.ErrorCode);
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_UnknownInstanceProfile_ReturnsTheVersionWithEc2Warning()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync(new SimulatedFleet().WithSpokeServers(1));
        var templateId = sim.Simulator.SourceServersOf(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region)[0].LaunchConfiguration.Ec2LaunchTemplateId;

        // Act
        var created = await SpokeEc2(sim).CreateLaunchTemplateVersionAsync(
            new Ec2NewLaunchTemplateVersion(templateId, 1, "token-d", IamInstanceProfile: new Ec2IamInstanceProfile(null, "missing-profile")), default);

        // Assert
        Assert.Equal(2, created.VersionNumber);
        Assert.Equal("InvalidParameterValue", Assert.Single(created.Warnings).Code);
    }

    [Fact]
    public async Task DeleteLaunchTemplateVersion_WarnedVersion_GoneAndNextVersionGetsANewNumber()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync(new SimulatedFleet().WithSpokeServers(1));
        var templateId = sim.Simulator.SourceServersOf(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region)[0].LaunchConfiguration.Ec2LaunchTemplateId;
        var ec2 = SpokeEc2(sim);
        var warned = await ec2.CreateLaunchTemplateVersionAsync(
            new Ec2NewLaunchTemplateVersion(templateId, 1, "token-e", IamInstanceProfile: new Ec2IamInstanceProfile(null, "missing-profile")), default);

        // Act
        await ec2.DeleteLaunchTemplateVersionAsync(templateId, warned.VersionNumber, default);
        await ec2.DeleteLaunchTemplateVersionAsync(templateId, warned.VersionNumber, default);
        var replayed = await ec2.CreateLaunchTemplateVersionAsync(
            new Ec2NewLaunchTemplateVersion(templateId, 1, "token-e", IamInstanceProfile: new Ec2IamInstanceProfile(null, "missing-profile")), default);
        var missing = await Assert.ThrowsAnyAsync<AwsServiceException>(() => ec2.SetDefaultLaunchTemplateVersionAsync(templateId, warned.VersionNumber, default));

        // Assert: the second delete finds nothing and succeeds; a deleted number is never handed out again.
        Assert.Equal(2, warned.VersionNumber);
        Assert.Equal(3, replayed.VersionNumber);
        Assert.Equal("InvalidParameterValue", Assert.Single(replayed.Warnings).Code);
        Assert.Equal("InvalidLaunchTemplateId.VersionNotFound", missing.ErrorCode);
        var template = sim.Simulator.LaunchTemplate(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region, templateId)!;
        Assert.Equal([1L, 3L], template.Versions.Select(v => v.VersionNumber));
        Assert.Equal(1, (await ec2.DescribeDefaultLaunchTemplateVersionAsync(templateId, default)).VersionNumber);
        Assert.Equal(2, sim.Simulator.Calls.Count(c => c.Operation == "DeleteLaunchTemplateVersions" && c.AccountId == SimulatedFleet.SpokeAccountId));
    }

    [Fact]
    public async Task DeleteLaunchTemplateVersion_DefaultVersion_ThrowsWithEc2CodeAndKeepsIt()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync(new SimulatedFleet().WithSpokeServers(1));
        var templateId = sim.Simulator.SourceServersOf(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region)[0].LaunchConfiguration.Ec2LaunchTemplateId;

        // Act
        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => SpokeEc2(sim).DeleteLaunchTemplateVersionAsync(templateId, 1, default));

        // Assert
        Assert.Equal(("ec2", "unexpectedError"), (error.Service, error.ErrorCode));
        Assert.Single(sim.Simulator.LaunchTemplate(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region, templateId)!.Versions);
    }

    private static IEc2Client SpokeEc2(SimulatorHarness sim) =>
        new CrossAccountEc2ClientFactory(sim.AccountCredentials(InMemoryAccountDirectory.WithSpoke()), sim.ClientOptions()).For(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region);
}
