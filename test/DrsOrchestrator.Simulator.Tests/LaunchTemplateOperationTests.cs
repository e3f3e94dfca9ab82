using System.Net;
using System.Xml.Linq;
using DrsOrchestrator.Simulator.Model;
using DrsOrchestrator.Simulator.Scenarios;
using DrsOrchestrator.Simulator.Tests.Support;
using static DrsOrchestrator.Simulator.Tests.Support.SimulatorHarness;

namespace DrsOrchestrator.Simulator.Tests;

/// <summary>EC2 launch templates with versions: the template DRS keeps per source server, and the writes that change it.</summary>
public sealed class LaunchTemplateOperationTests
{
    private static readonly XNamespace Ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";

    [Fact]
    public async Task DescribeLaunchTemplateVersions_EverySampleServer_HasItsOwnTemplateOnItsRegionsVpc()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var scenario = ScenarioLoader.LoadSample(ScenarioLoader.ThreeTierSample);
        var problems = new List<string>();

        // Act
        foreach (var account in scenario.Accounts)
        {
            foreach (var region in account.Regions)
            {
                var network = harness.Simulator.NetworkOf(account.AccountId, region.Region);
                var client = harness.Client(account.AccountId, region.Region);
                foreach (var server in harness.Servers(account.AccountId, region.Region))
                {
                    var response = await Ec2Async(client, "DescribeLaunchTemplateVersions",
                        ("LaunchTemplateId", server.LaunchConfiguration.Ec2LaunchTemplateId), ("LaunchTemplateVersion.1", "$Default"));
                    var version = response.Status == HttpStatusCode.OK ? Items(response, "launchTemplateVersionSet").SingleOrDefault() : null;
                    var subnet = version?.Element(Ec2 + "launchTemplateData")?.Element(Ec2 + "networkInterfaceSet")?.Element(Ec2 + "item")?.Element(Ec2 + "subnetId")?.Value;
                    if (version is null || !network.Subnets.Any(s => s.SubnetId == subnet))
                    {
                        problems.Add($"{account.AccountId}/{region.Region}/{server.SourceServerId}: {response.Status} subnet {subnet}");
                    }
                }
            }
        }

        // Assert
        Assert.Empty(problems);
        var ids = scenario.Accounts.SelectMany(a => a.Regions.SelectMany(r => harness.Servers(a.AccountId, r.Region))).Select(s => s.LaunchConfiguration.Ec2LaunchTemplateId).ToList();
        Assert.True(ids.Count > 10);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_ThenModifyDefault_DefaultVersionHoldsTheNewValues()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var template = harness.Servers()[0].LaunchConfiguration.Ec2LaunchTemplateId;
        var network = harness.Simulator.NetworkOf(Account1, East);
        var client = harness.Client();

        // Act
        var created = await Ec2Async(client, "CreateLaunchTemplateVersion",
            ("LaunchTemplateId", template), ("SourceVersion", "1"), ("ClientToken", "token-1"),
            ("LaunchTemplateData.InstanceType", "r5.large"),
            ("LaunchTemplateData.IamInstanceProfile.Name", "drs-recovery-app"),
            ("LaunchTemplateData.NetworkInterface.1.DeviceIndex", "0"),
            ("LaunchTemplateData.NetworkInterface.1.SubnetId", network.Subnets[2].SubnetId),
            ("LaunchTemplateData.NetworkInterface.1.SecurityGroupId.1", network.SecurityGroups[1].GroupId),
            ("LaunchTemplateData.NetworkInterface.1.SecurityGroupId.2", network.SecurityGroups[2].GroupId));
        var beforeModify = harness.Simulator.LaunchTemplate(Account1, East, template)!.DefaultVersionNumber;
        var modified = await Ec2Async(client, "ModifyLaunchTemplate", ("LaunchTemplateId", template), ("SetDefaultVersion", "2"));
        var read = await Ec2Async(client, "DescribeLaunchTemplateVersions", ("LaunchTemplateId", template), ("LaunchTemplateVersion.1", "$Default"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var version = XDocument.Parse(created.Body).Root!.Element(Ec2 + "launchTemplateVersion")!;
        Assert.Equal("2", version.Element(Ec2 + "versionNumber")!.Value);
        Assert.Equal("false", version.Element(Ec2 + "defaultVersion")!.Value);
        Assert.Null(XDocument.Parse(created.Body).Root!.Element(Ec2 + "warning"));
        Assert.Equal(1, beforeModify);
        Assert.Equal("2", XDocument.Parse(modified.Body).Root!.Element(Ec2 + "launchTemplate")!.Element(Ec2 + "defaultVersionNumber")!.Value);
        var data = Assert.Single(Items(read, "launchTemplateVersionSet")).Element(Ec2 + "launchTemplateData")!;
        Assert.Equal("r5.large", data.Element(Ec2 + "instanceType")!.Value);
        Assert.Equal("drs-recovery-app", data.Element(Ec2 + "iamInstanceProfile")!.Element(Ec2 + "name")!.Value);
        var nic = data.Element(Ec2 + "networkInterfaceSet")!.Element(Ec2 + "item")!;
        Assert.Equal(network.Subnets[2].SubnetId, nic.Element(Ec2 + "subnetId")!.Value);
        Assert.Equal([network.SecurityGroups[1].GroupId, network.SecurityGroups[2].GroupId], nic.Element(Ec2 + "groupSet")!.Elements(Ec2 + "groupId").Select(g => g.Value));
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_OnlyInstanceType_KeepsTheSourceVersionsNetwork()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var template = harness.Servers()[1].LaunchConfiguration.Ec2LaunchTemplateId;
        var sourceSubnet = harness.Simulator.LaunchTemplate(Account1, East, template)!.DefaultVersion.Data.PrimarySubnetId;

        // Act
        var created = await Ec2Async(harness.Client(), "CreateLaunchTemplateVersion",
            ("LaunchTemplateId", template), ("SourceVersion", "$Default"), ("LaunchTemplateData.InstanceType", "c5.xlarge"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var latest = harness.Simulator.LaunchTemplate(Account1, East, template)!.Versions[^1].Data;
        Assert.Equal("c5.xlarge", latest.InstanceType);
        Assert.NotNull(sourceSubnet);
        Assert.Equal(sourceSubnet, latest.PrimarySubnetId);
    }

    [Theory]
    [InlineData("LaunchTemplateData.NetworkInterface.1.SubnetId", "subnet-0000000000000000a", "InvalidSubnetID.NotFound")]
    [InlineData("LaunchTemplateData.NetworkInterface.1.SecurityGroupId.1", "sg-0000000000000000a", "InvalidGroup.NotFound")]
    [InlineData("LaunchTemplateData.InstanceType", "z9.huge", "InvalidParameterValue")]
    public async Task CreateLaunchTemplateVersion_UnknownResource_Returns400WithEc2CodeAndCreatesNothing(string parameter, string value, string code)
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var template = harness.Servers()[0].LaunchConfiguration.Ec2LaunchTemplateId;

        // Act
        var response = await Ec2Async(harness.Client(), "CreateLaunchTemplateVersion", ("LaunchTemplateId", template), ("SourceVersion", "1"), (parameter, value));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, ErrorCode(response));
        Assert.Single(harness.Simulator.LaunchTemplate(Account1, East, template)!.Versions);
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_OtherAccountsSubnet_Returns400InvalidSubnetIdNotFound()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var template = harness.Servers()[0].LaunchConfiguration.Ec2LaunchTemplateId;
        var foreign = harness.Simulator.NetworkOf(Account2, East).Subnets[0].SubnetId;

        // Act
        var response = await Ec2Async(harness.Client(), "CreateLaunchTemplateVersion",
            ("LaunchTemplateId", template), ("LaunchTemplateData.NetworkInterface.1.SubnetId", foreign));

        // Assert
        Assert.Equal("InvalidSubnetID.NotFound", ErrorCode(response));
    }

    [Fact]
    public async Task LaunchTemplateCalls_UnknownTemplateOrVersion_Return400WithEc2Codes()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var template = harness.Servers()[0].LaunchConfiguration.Ec2LaunchTemplateId;
        var client = harness.Client();

        // Act
        var unknown = await Ec2Async(client, "DescribeLaunchTemplateVersions", ("LaunchTemplateId", "lt-0000000000000000a"), ("LaunchTemplateVersion.1", "$Default"));
        var malformed = await Ec2Async(client, "ModifyLaunchTemplate", ("LaunchTemplateId", "template-1"), ("SetDefaultVersion", "1"));
        var missingVersion = await Ec2Async(client, "ModifyLaunchTemplate", ("LaunchTemplateId", template), ("SetDefaultVersion", "7"));
        var missingSource = await Ec2Async(client, "CreateLaunchTemplateVersion", ("LaunchTemplateId", template), ("SourceVersion", "9"), ("LaunchTemplateData.InstanceType", "m5.large"));
        var noData = await Ec2Async(client, "CreateLaunchTemplateVersion", ("LaunchTemplateId", template), ("SourceVersion", "1"));
        var otherAccount = await Ec2Async(harness.Client(Account2), "DescribeLaunchTemplateVersions", ("LaunchTemplateId", template));

        // Assert
        Assert.Equal("InvalidLaunchTemplateId.NotFound", ErrorCode(unknown));
        Assert.Equal("InvalidLaunchTemplateId.Malformed", ErrorCode(malformed));
        Assert.Equal("InvalidLaunchTemplateId.VersionNotFound", ErrorCode(missingVersion));
        Assert.Equal("InvalidLaunchTemplateId.VersionNotFound", ErrorCode(missingSource));
        Assert.Equal("MissingParameter", ErrorCode(noData));
        Assert.Equal("InvalidLaunchTemplateId.NotFound", ErrorCode(otherAccount));
        Assert.Equal(1, harness.Simulator.LaunchTemplate(Account1, East, template)!.DefaultVersionNumber);
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_RepeatedClientToken_ReturnsTheSameVersionAndRefusesOtherParameters()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var template = harness.Servers()[0].LaunchConfiguration.Ec2LaunchTemplateId;
        var client = harness.Client();

        // Act
        var first = await Ec2Async(client, "CreateLaunchTemplateVersion", ("LaunchTemplateId", template), ("ClientToken", "t-1"), ("LaunchTemplateData.InstanceType", "m5.xlarge"));
        var again = await Ec2Async(client, "CreateLaunchTemplateVersion", ("LaunchTemplateId", template), ("ClientToken", "t-1"), ("LaunchTemplateData.InstanceType", "m5.xlarge"));
        var mismatch = await Ec2Async(client, "CreateLaunchTemplateVersion", ("LaunchTemplateId", template), ("ClientToken", "t-1"), ("LaunchTemplateData.InstanceType", "m5.2xlarge"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(VersionNumber(first), VersionNumber(again));
        Assert.Equal("IdempotentParameterMismatch", ErrorCode(mismatch));
        Assert.Equal(2, harness.Simulator.LaunchTemplate(Account1, East, template)!.Versions.Count);
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_UnknownInstanceProfile_CreatesVersionWithWarning()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var template = harness.Servers()[0].LaunchConfiguration.Ec2LaunchTemplateId;

        // Act
        var response = await Ec2Async(harness.Client(), "CreateLaunchTemplateVersion",
            ("LaunchTemplateId", template), ("LaunchTemplateData.IamInstanceProfile.Name", "no-such-profile"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var warning = XDocument.Parse(response.Body).Root!.Element(Ec2 + "warning")!.Element(Ec2 + "errorSet")!.Element(Ec2 + "item")!;
        Assert.Equal("InvalidParameterValue", warning.Element(Ec2 + "code")!.Value);
        Assert.Contains("no-such-profile", warning.Element(Ec2 + "message")!.Value, StringComparison.Ordinal);
        Assert.Equal(1, harness.Simulator.LaunchTemplate(Account1, East, template)!.DefaultVersionNumber);
    }

    [Fact]
    public async Task Drill_DefaultVersionChangedWithRightSizingOff_InstanceLaunchesWithTemplatesTypeAndSubnet()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var server = harness.Servers().First(s => !s.IsArchived && s.ReplicationState != "DISCONNECTED");
        var template = server.LaunchConfiguration.Ec2LaunchTemplateId;
        var network = harness.Simulator.NetworkOf(Account1, East);
        var subnet = network.Subnets.First(s => s.SubnetId != harness.Simulator.LaunchTemplate(Account1, East, template)!.DefaultVersion.Data.PrimarySubnetId);
        var client = harness.Client();
        await Ec2Async(client, "CreateLaunchTemplateVersion", ("LaunchTemplateId", template), ("SourceVersion", "1"),
            ("LaunchTemplateData.InstanceType", "t3.medium"), ("LaunchTemplateData.NetworkInterface.1.DeviceIndex", "0"), ("LaunchTemplateData.NetworkInterface.1.SubnetId", subnet.SubnetId));
        await Ec2Async(client, "ModifyLaunchTemplate", ("LaunchTemplateId", template), ("SetDefaultVersion", "2"));
        harness.Simulator.UpdateLaunchConfiguration(CallerIdentity.ForAccount(Account1, East), new LaunchConfigurationUpdate(server.SourceServerId) { TargetInstanceTypeRightSizingMethod = "NONE" });

        // Act
        harness.Simulator.StartRecovery(CallerIdentity.ForAccount(Account1, East), isDrill: true, [new RecoveryServerRequest(server.SourceServerId)]);
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(40));
        var instanceId = harness.Servers().Single(s => s.SourceServerId == server.SourceServerId).RecoveryInstanceId!;
        var instances = await Ec2Async(client, "DescribeInstances", ("InstanceId.1", instanceId));

        // Assert
        var instance = Assert.Single(Items(instances, "reservationSet")).Element(Ec2 + "instancesSet")!.Element(Ec2 + "item")!;
        Assert.Equal("t3.medium", instance.Element(Ec2 + "instanceType")!.Value);
        Assert.Equal(subnet.SubnetId, instance.Element(Ec2 + "subnetId")!.Value);
        Assert.Equal(subnet.AvailabilityZone, instance.Element(Ec2 + "placement")!.Element(Ec2 + "availabilityZone")!.Value);
    }

    [Fact]
    public async Task DeleteLaunchTemplateVersions_ExistingMissingAndDefault_ReportsEachAndNeverReusesTheNumber()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var template = harness.Servers()[0].LaunchConfiguration.Ec2LaunchTemplateId;
        var client = harness.Client();
        await Ec2Async(client, "CreateLaunchTemplateVersion", ("LaunchTemplateId", template), ("LaunchTemplateData.InstanceType", "m5.xlarge"));

        // Act
        var response = await Ec2Async(client, "DeleteLaunchTemplateVersions",
            ("LaunchTemplateId", template), ("LaunchTemplateVersion.1", "2"), ("LaunchTemplateVersion.2", "7"), ("LaunchTemplateVersion.3", "1"));
        var next = await Ec2Async(client, "CreateLaunchTemplateVersion", ("LaunchTemplateId", template), ("LaunchTemplateData.InstanceType", "m5.large"));
        var missingList = await Ec2Async(client, "DeleteLaunchTemplateVersions", ("LaunchTemplateId", template));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var deleted = Assert.Single(Items(response, "successfullyDeletedLaunchTemplateVersionSet"));
        Assert.Equal(("2", template), (deleted.Element(Ec2 + "versionNumber")!.Value, deleted.Element(Ec2 + "launchTemplateId")!.Value));
        var failed = Items(response, "unsuccessfullyDeletedLaunchTemplateVersionSet")
            .Select(i => (i.Element(Ec2 + "versionNumber")!.Value, i.Element(Ec2 + "responseError")!.Element(Ec2 + "code")!.Value))
            .ToList();
        Assert.Equal([("7", "launchTemplateVersionDoesNotExist"), ("1", "unexpectedError")], failed);
        Assert.Equal("3", VersionNumber(next));
        Assert.Equal("MissingParameter", ErrorCode(missingList));
        Assert.Equal([1L, 3L], harness.Simulator.LaunchTemplate(Account1, East, template)!.Versions.Select(v => v.VersionNumber));
    }

    private static Task<SimResponse> Ec2Async(SimulatorClient client, string action, params (string Name, string Value)[] parameters)
    {
        var form = $"Action={action}&Version=2016-11-15" + string.Concat(parameters.Select(p => $"&{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        return client.SendAsync(HttpMethod.Post, "/", form, "ec2", "application/x-www-form-urlencoded");
    }

    private static IEnumerable<XElement> Items(SimResponse response, string listName) =>
        XDocument.Parse(response.Body).Root!.Element(Ec2 + listName)!.Elements(Ec2 + "item");

    private static string VersionNumber(SimResponse response) =>
        XDocument.Parse(response.Body).Root!.Element(Ec2 + "launchTemplateVersion")!.Element(Ec2 + "versionNumber")!.Value;

    private static string ErrorCode(SimResponse response) =>
        XDocument.Parse(response.Body).Root!.Element("Errors")!.Element("Error")!.Element("Code")!.Value;
}
