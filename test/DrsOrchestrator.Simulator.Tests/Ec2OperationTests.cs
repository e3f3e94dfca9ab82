using System.Net;
using System.Xml.Linq;
using DrsOrchestrator.Simulator.Scenarios;
using DrsOrchestrator.Simulator.Tests.Support;
using static DrsOrchestrator.Simulator.Tests.Support.SimulatorHarness;

namespace DrsOrchestrator.Simulator.Tests;

/// <summary>EC2's query protocol at POST /, told apart from STS by the SigV4 scope's service.</summary>
public sealed class Ec2OperationTests
{
    private static readonly XNamespace Ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";

    [Fact]
    public async Task DescribeSubnets_Ec2Scope_ReturnsSimulatedVpcSubnetsInEc2Xml()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var network = harness.Simulator.NetworkOf(Account1, East);

        // Act
        var response = await Ec2Async(harness.Client(), "DescribeSubnets");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var root = XDocument.Parse(response.Body).Root!;
        Assert.Equal(Ec2 + "DescribeSubnetsResponse", root.Name);
        var items = root.Element(Ec2 + "subnetSet")!.Elements(Ec2 + "item").ToList();
        Assert.Equal(network.Subnets.Select(s => s.SubnetId), items.Select(i => i.Element(Ec2 + "subnetId")!.Value));
        Assert.All(items, i => Assert.Equal(network.VpcId, i.Element(Ec2 + "vpcId")!.Value));
        Assert.Equal(3, items.Select(i => i.Element(Ec2 + "availabilityZone")!.Value).Distinct().Count());
        Assert.Null(root.Element(Ec2 + "nextToken"));
    }

    [Fact]
    public async Task DescribeSubnets_TwoAccountsAndRegions_EachGetsItsOwnStableVpc()
    {
        // Arrange
        await using var first = await SimulatorHarness.StartAsync();
        await using var second = await SimulatorHarness.StartAsync(seed: 7);

        // Act
        var vpcs = new[] { first.Simulator.NetworkOf(Account1, East), first.Simulator.NetworkOf(Account1, West), first.Simulator.NetworkOf(Account2, East) };
        var again = second.Simulator.NetworkOf(Account1, East);

        // Assert
        Assert.Equal(3, vpcs.Select(v => v.VpcId).Distinct().Count());
        Assert.Equal(vpcs[0].VpcId, again.VpcId);
        Assert.Equal(vpcs[0].Subnets, again.Subnets);
        Assert.Matches("^vpc-[0-9a-f]{17}$", vpcs[0].VpcId);
    }

    [Fact]
    public async Task DescribeSubnets_ScenarioDeclaresNetwork_ServesDeclaredSubnets()
    {
        // Arrange
        var scenario = new SimulatorScenario
        {
            Accounts =
            [
                new ScenarioAccount
                {
                    AccountId = Account1,
                    Regions =
                    [
                        new ScenarioRegion
                        {
                            Region = East,
                            Network = new ScenarioNetwork
                            {
                                VpcId = "vpc-0123456789abcdef0",
                                Subnets = [new ScenarioSubnet { SubnetId = "subnet-0aaaaaaaaaaaaaaaa", AvailabilityZone = "us-east-1b", CidrBlock = "10.9.1.0/24", Name = "dr-private" }],
                            },
                        },
                    ],
                },
            ],
        };
        await using var harness = await SimulatorHarness.StartAsync(scenario);

        // Act
        var response = await Ec2Async(harness.Client(), "DescribeSubnets", ("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", "vpc-0123456789abcdef0"));

        // Assert
        var item = Assert.Single(Items(response, "subnetSet"));
        Assert.Equal("subnet-0aaaaaaaaaaaaaaaa", item.Element(Ec2 + "subnetId")!.Value);
        Assert.Equal("251", item.Element(Ec2 + "availableIpAddressCount")!.Value);
        Assert.Equal("dr-private", item.Descendants(Ec2 + "value").Single().Value);
    }

    [Fact]
    public async Task DescribeSubnets_FilterOtherVpc_ReturnsNoSubnets()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();

        // Act
        var response = await Ec2Async(harness.Client(), "DescribeSubnets", ("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", "vpc-00000000000000000"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(Items(response, "subnetSet"));
    }

    [Fact]
    public async Task DescribeSecurityGroups_MaxResults_PagesWithNextToken()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var expected = harness.Simulator.NetworkOf(Account1, East).SecurityGroups.Select(g => g.GroupId).ToList();

        // Act
        var first = await Ec2Async(client, "DescribeSecurityGroups", ("MaxResults", "5"));
        var all = Items(first, "securityGroupInfo").Select(i => i.Element(Ec2 + "groupId")!.Value).ToList();
        var byName = await Ec2Async(client, "DescribeSecurityGroups", ("GroupName.1", "default"));

        // Assert
        Assert.Equal(expected, all);
        Assert.Equal("default", Assert.Single(Items(byName, "securityGroupInfo")).Element(Ec2 + "groupName")!.Value);
    }

    [Fact]
    public async Task DescribeInstanceTypes_SmallPages_ReturnsEveryTypeOnceThenStops()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();

        // Act
        var types = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var response = await Ec2Async(client, "DescribeInstanceTypes", token is null ? [("MaxResults", "5")] : [("MaxResults", "5"), ("NextToken", token)]);
            types.AddRange(Items(response, "instanceTypeSet").Select(i => i.Element(Ec2 + "instanceType")!.Value));
            token = XDocument.Parse(response.Body).Root!.Element(Ec2 + "nextToken")?.Value;
            pages++;
        }
        while (token is not null);

        // Assert
        Assert.Equal(2, pages);
        Assert.Equal(types.Count, types.Distinct().Count());
        Assert.Contains("m5.large", types);
    }

    [Fact]
    public async Task DescribeInstanceTypes_UnknownType_Returns400InEc2ErrorShape()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();

        // Act
        var response = await Ec2Async(harness.Client(), "DescribeInstanceTypes", ("InstanceType.1", "m5.large"), ("InstanceType.2", "z9.huge"));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var error = XDocument.Parse(response.Body).Root!;
        Assert.Equal("Response", error.Name.LocalName);
        Assert.Equal("InvalidInstanceType", error.Element("Errors")!.Element("Error")!.Element("Code")!.Value);
        Assert.NotNull(error.Element("RequestID"));
    }

    [Fact]
    public async Task DescribeLaunchTemplates_ServerLaunchTemplateId_ReturnsTemplate()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var templateId = harness.Servers()[0].LaunchConfiguration.Ec2LaunchTemplateId;

        // Act
        var response = await Ec2Async(harness.Client(), "DescribeLaunchTemplates", ("LaunchTemplateId.1", templateId));
        var missing = await Ec2Async(harness.Client(), "DescribeLaunchTemplates", ("LaunchTemplateId.1", "lt-00000000000000000"));

        // Assert
        var item = Assert.Single(Items(response, "launchTemplates"));
        Assert.Equal(templateId, item.Element(Ec2 + "launchTemplateId")!.Value);
        Assert.Equal("1", item.Element(Ec2 + "latestVersionNumber")!.Value);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("InvalidLaunchTemplateId.NotFound", missing.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeInstances_AfterDrill_ShowsRecoveryInstanceRunningInSimulatedSubnet()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var serverId = harness.RecoverableIds()[0];
        await client.CallAsync("StartRecovery", StartRecoveryBody([serverId]));
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(30));
        var recovery = await client.CallAsync("DescribeRecoveryInstances", new { filters = new { sourceServerIDs = new[] { serverId } } });
        var instanceId = recovery.Json["items"]![0]!["ec2InstanceID"]!.GetValue<string>();

        // Act
        var response = await Ec2Async(client, "DescribeInstances", ("InstanceId.1", instanceId));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var instance = Assert.Single(Items(response, "reservationSet").SelectMany(r => r.Element(Ec2 + "instancesSet")!.Elements(Ec2 + "item")));
        Assert.Equal(instanceId, instance.Element(Ec2 + "instanceId")!.Value);
        Assert.Equal("running", instance.Element(Ec2 + "instanceState")!.Element(Ec2 + "name")!.Value);
        Assert.Contains(instance.Element(Ec2 + "subnetId")!.Value, harness.Simulator.NetworkOf(Account1, East).Subnets.Select(s => s.SubnetId));
    }

    [Fact]
    public async Task DescribeInstances_UnknownInstance_Returns400InvalidInstanceIdNotFound()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();

        // Act
        var response = await Ec2Async(harness.Client(), "DescribeInstances", ("InstanceId.1", "i-0123456789abcdef0"));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidInstanceID.NotFound", ErrorCode(response));
    }

    [Fact]
    public async Task DescribeSubnets_UnknownAccessKey_Returns403AuthFailureNotSts()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();

        // Act
        var response = await Ec2Async(harness.Client(new TestCredentials("AKIAIOSFODNN7EXAMPLE", "x")), "DescribeSubnets");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("AuthFailure", ErrorCode(response));
    }

    [Fact]
    public async Task DescribeSubnets_AssumedSpokeSession_ServesSpokeAccountAndRecordsSessionKey()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var assume = await harness.Client(Account1).AssumeRoleAsync("arn:aws:iam::222222222222:role/DrsOrchestratorCrossAccountRole", "sim-external-id-222222222222");
        var sts = XDocument.Parse(assume.Body).Descendants().Where(e => e.Name.LocalName is "AccessKeyId" or "SecretAccessKey" or "SessionToken").Select(e => e.Value).ToList();
        var spoke = harness.Client(new TestCredentials(sts[0], sts[1], sts[2]), West);

        // Act
        var response = await Ec2Async(spoke, "DescribeSubnets");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(harness.Simulator.NetworkOf(Account2, West).VpcId, Items(response, "subnetSet").First().Element(Ec2 + "vpcId")!.Value);
        var call = harness.Simulator.Calls.Last(c => c.Operation == "DescribeSubnets");
        Assert.Equal(Account2, call.AccountId);
        Assert.Equal(sts[0], call.AccessKeyId);
    }

    [Fact]
    public async Task Post_UnknownEc2Action_Returns400InvalidAction()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();

        // Act
        var response = await Ec2Async(harness.Client(), "RunInstances");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidAction", ErrorCode(response));
    }

    private static Task<SimResponse> Ec2Async(SimulatorClient client, string action, params (string Name, string Value)[] parameters)
    {
        var form = $"Action={action}&Version=2016-11-15" + string.Concat(parameters.Select(p => $"&{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        return client.SendAsync(HttpMethod.Post, "/", form, "ec2", "application/x-www-form-urlencoded");
    }

    private static IEnumerable<XElement> Items(SimResponse response, string listName) =>
        XDocument.Parse(response.Body).Root!.Element(Ec2 + listName)!.Elements(Ec2 + "item");

    private static string ErrorCode(SimResponse response) =>
        XDocument.Parse(response.Body).Root!.Element("Errors")!.Element("Error")!.Element("Code")!.Value;
}
