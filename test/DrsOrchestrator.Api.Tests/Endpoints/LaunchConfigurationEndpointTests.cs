using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Api.Tests.Endpoints;

/// <summary>
/// apply-launch-configuration writes every launch setting: DRS's launch configuration and each member's
/// EC2 launch template (subnet, security groups, instance type, instance profile) in the spoke, through
/// the simulator; and the instance-profile lookup the form offers comes from IAM.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LaunchConfigurationEndpointTests(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator)
{
    private const string Region = "us-west-2";

    /// <summary>Where Payments runs: servers no other test of this class puts in a group.</summary>
    private const string PaymentsRegion = "us-east-1";

    private static TestCaller Admin => Fleet.Admin;

    [Fact]
    public async Task ApplyLaunchConfiguration_TemplateSettings_NewDefaultVersionPerServerThenUnchanged()
    {
        // Arrange
        var host = await HostAsync();
        var webs = Fleet.Servers(host, ApiTestHost.SpokeB, Region, "Reporting", "web").Select(s => s.SourceServerId).ToArray();
        var network = simulator.Simulator.NetworkOf(ApiTestHost.SpokeB, Region);
        var subnet = network.Subnets[2].SubnetId;
        var group = network.SecurityGroups[1].GroupId;
        var groupId = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeB, Region, webs,
            $$"""{"subnetId":"{{subnet}}","securityGroupIds":["{{group}}"],"instanceType":"m5.2xlarge","instanceProfile":"drs-recovery-app"}""");

        // Act
        var first = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/protection-groups/{groupId}/apply-launch-configuration").As(Admin)));
        var writesAfterFirst = TemplateWrites();
        var second = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/protection-groups/{groupId}/apply-launch-configuration").As(Admin)));

        // Assert
        Assert.Equal(webs.Length, first.GetProperty("updated").GetInt32());
        Assert.Equal(0, first.GetProperty("failed").GetInt32());
        Assert.False(first.TryGetProperty("notAppliedSettings", out _));
        Assert.Equal(webs.Length, second.GetProperty("unchanged").GetInt32());
        Assert.Equal(writesAfterFirst, TemplateWrites());
        foreach (var server in Fleet.Servers(host, ApiTestHost.SpokeB, Region, "Reporting", "web"))
        {
            var data = simulator.Simulator.LaunchTemplate(ApiTestHost.SpokeB, Region, server.LaunchConfiguration.Ec2LaunchTemplateId)!.DefaultVersion.Data;
            Assert.Equal(("m5.2xlarge", "drs-recovery-app", subnet), (data.InstanceType, data.IamInstanceProfileName, data.PrimarySubnetId));
            Assert.Equal([group], Assert.Single(data.NetworkInterfaces).Groups);
            Assert.Equal("NONE", server.LaunchConfiguration.TargetInstanceTypeRightSizingMethod);
        }
    }

    [Fact]
    public async Task ApplyLaunchConfiguration_UnknownSubnet_EachServerFailedWithTheEc2CodeAndTemplatesUnchanged()
    {
        // Arrange
        var host = await HostAsync();
        var apps = Fleet.Servers(host, ApiTestHost.SpokeB, Region, "Reporting", "app").ToArray();
        var groupId = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeB, Region, apps.Select(s => s.SourceServerId), """{"subnetId":"subnet-0000000000000000e"}""");
        var versionsBefore = apps.Select(s => simulator.Simulator.LaunchTemplate(ApiTestHost.SpokeB, Region, s.LaunchConfiguration.Ec2LaunchTemplateId)!.Versions.Count).ToList();

        // Act
        var result = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/protection-groups/{groupId}/apply-launch-configuration").As(Admin)));

        // Assert
        Assert.Equal(apps.Length, result.GetProperty("failed").GetInt32());
        Assert.All(result.GetProperty("servers").EnumerateArray(), s =>
        {
            Assert.Equal("FAILED", s.GetProperty("status").GetString());
            Assert.Equal("InvalidSubnetID.NotFound", s.GetProperty("errorCode").GetString());
            Assert.Contains("subnet-0000000000000000e", s.GetProperty("error").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(versionsBefore, apps.Select(s => simulator.Simulator.LaunchTemplate(ApiTestHost.SpokeB, Region, s.LaunchConfiguration.Ec2LaunchTemplateId)!.Versions.Count));
    }

    [Fact]
    public async Task ApplyLaunchConfiguration_UnknownInstanceProfile_ServersFailWithTheWarningAndRetriesLeaveNoVersionBehind()
    {
        // Arrange: EC2 creates a version naming an unknown profile and only warns about it.
        var host = await HostAsync();
        var dbs = Fleet.Servers(host, ApiTestHost.SpokeB, PaymentsRegion, "Payments", "db").ToArray();
        Assert.Equal(2, dbs.Length);
        var groupId = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeB, PaymentsRegion, dbs.Select(s => s.SourceServerId), """{"instanceProfile":"no-such-profile"}""");
        var templates = dbs.Select(s => s.LaunchConfiguration.Ec2LaunchTemplateId).ToList();
        var versionsBefore = templates.Select(VersionsOf).ToList();
        var deletesBefore = VersionDeletes();

        // Act
        var first = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/protection-groups/{groupId}/apply-launch-configuration").As(Admin)));
        var retry = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/protection-groups/{groupId}/apply-launch-configuration").As(Admin)));

        // Assert
        Assert.All(new[] { first, retry }, result =>
        {
            Assert.Equal(dbs.Length, result.GetProperty("failed").GetInt32());
            Assert.All(result.GetProperty("servers").EnumerateArray(), s =>
            {
                Assert.Equal("FAILED", s.GetProperty("status").GetString());
                Assert.Equal("InvalidParameterValue", s.GetProperty("errorCode").GetString());
                Assert.Contains("was not made the default and was deleted", s.GetProperty("error").GetString(), StringComparison.Ordinal);
            });
        });
        Assert.Equal(versionsBefore, templates.Select(VersionsOf));
        Assert.Equal(2 * dbs.Length, VersionDeletes() - deletesBefore);
    }

    [Fact]
    public async Task InstanceProfiles_RegisteredAccount_ListsIamProfilesWithTheGroupsUsingThem()
    {
        // Arrange
        var host = await HostAsync();
        var db = Fleet.Servers(host, ApiTestHost.SpokeB, Region, "Reporting", "db")[0].SourceServerId;
        var groupId = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeB, Region, [db], $$"""{"instanceProfile":"arn:aws:iam::{{ApiTestHost.SpokeB}}:instance-profile/drs-recovery-db"}""");
        var expected = simulator.Simulator.InstanceProfilesOf(ApiTestHost.SpokeB);

        // Act
        var profiles = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/ec2/instance-profiles?accountId={ApiTestHost.SpokeB}&region={Region}").As(Admin)));

        // Assert
        var items = profiles.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected.Select(p => p.InstanceProfileName).Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("name").GetString()));
        Assert.All(items, i => Assert.StartsWith($"arn:aws:iam::{ApiTestHost.SpokeB}:instance-profile/", i.GetProperty("arn").GetString(), StringComparison.Ordinal));
        var used = items.Single(i => i.GetProperty("name").GetString() == "drs-recovery-db");
        Assert.Equal([groupId], used.GetProperty("usedBy").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("drs-recovery-db", used.GetProperty("roleName").GetString());
        var call = simulator.Simulator.Calls.Last(c => c.Operation == "ListInstanceProfiles");
        Assert.Equal(ApiTestHost.SpokeB, call.AccountId);
        Assert.StartsWith("ASIASIM" + ApiTestHost.SpokeB, call.AccessKeyId, StringComparison.Ordinal);
    }

    /// <summary>The template's versions and which is the default, as EC2 holds them.</summary>
    private string VersionsOf(string launchTemplateId)
    {
        var template = simulator.Simulator.LaunchTemplate(ApiTestHost.SpokeB, PaymentsRegion, launchTemplateId)!;
        return $"{string.Join(',', template.Versions.Select(v => v.VersionNumber))} default {template.DefaultVersionNumber}";
    }

    private int VersionDeletes() =>
        simulator.Simulator.Calls.Count(c => c.AccountId == ApiTestHost.SpokeB && c.Operation == "DeleteLaunchTemplateVersions");

    private int TemplateWrites() =>
        simulator.Simulator.Calls.Count(c => c.AccountId == ApiTestHost.SpokeB && c.Operation is "CreateLaunchTemplateVersion" or "ModifyLaunchTemplate");

    private async Task<ApiTestHost> HostAsync()
    {
        var host = await SharedHosts.GetAsync(dynamo, simulator, "launch-config");
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeB);
        return host;
    }
}
