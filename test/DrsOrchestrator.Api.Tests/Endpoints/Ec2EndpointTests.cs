using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Functions.Api.Pipeline;
using DrsOrchestrator.Simulator.Faults;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Api.Tests.Endpoints;

/// <summary>The EC2 lookups behind the console's create-group page, through the assumed spoke role into the simulator.</summary>
[Collection(ApiCollection.Name)]
public sealed class Ec2EndpointTests(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator)
{
    private const string Region = "us-east-1";

    private static TestCaller Admin => Fleet.Admin;

    [Fact]
    public async Task Subnets_RegisteredAccount_ReturnsSimulatedSubnetsViaSpokeSession()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "ec2-lookups");
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeA);
        var expected = simulator.Simulator.NetworkOf(ApiTestHost.SpokeA, Region);

        // Act
        var subnets = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/ec2/subnets?accountId={ApiTestHost.SpokeA}&region={Region}").As(Admin)));

        // Assert
        var items = subnets.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected.Subnets.Select(s => s.SubnetId), items.Select(i => i.GetProperty("subnetId").GetString()));
        Assert.All(items, i => Assert.Equal(expected.VpcId, i.GetProperty("vpcId").GetString()));
        var call = simulator.Simulator.Calls.Last(c => c.Operation == "DescribeSubnets");
        Assert.Equal(ApiTestHost.SpokeA, call.AccountId);
        Assert.StartsWith("ASIASIM" + ApiTestHost.SpokeA, call.AccessKeyId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityGroupsAndInstanceTypes_RegisteredAccount_ReturnSimulatedLists()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "ec2-lookups");
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeA);
        var expected = simulator.Simulator.NetworkOf(ApiTestHost.SpokeA, Region);

        // Act
        var groups = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/ec2/security-groups?accountId={ApiTestHost.SpokeA}&region={Region}&vpcId={expected.VpcId}").As(Admin)));
        var types = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/ec2/instance-types?accountId={ApiTestHost.SpokeA}&region={Region}").As(Admin)));

        // Assert
        Assert.Equal(expected.SecurityGroups.Select(g => g.GroupId), groups.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("groupId").GetString()));
        Assert.Contains("m5.large", types.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("instanceType").GetString()));
    }

    [Fact]
    public async Task Subnets_Ec2FailsAfterRoleAssumed_UpstreamErrorNamingEc2()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "ec2-lookups");
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeA);
        var before = simulator.Simulator.Faults;
        simulator.Simulator.Faults = new FaultSettings { InternalErrorRate = 1, Operations = ["DescribeSubnets"] };
        ApiResponse response;
        try
        {
            // Act
            response = await host.SendAsync(ApiRequestBuilder.Get($"/ec2/subnets?accountId={ApiTestHost.SpokeA}&region={Region}").As(Admin));
        }
        finally
        {
            simulator.Simulator.Faults = before;
        }

        // Assert
        var error = ResponseAssert.Error(response, 500, "UPSTREAM_ERROR");
        Assert.Equal("ec2", error.GetProperty("details").GetProperty("service").GetString());
    }

    [Fact]
    public async Task Subnets_WrongExternalId_AssumeRoleFailed()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "ec2-bad-role");
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/accounts", Fleet.AccountJson(ApiTestHost.SpokeB, externalId: "not-the-configured-id")).As(Admin)), 201);

        // Act
        var response = await host.SendAsync(ApiRequestBuilder.Get($"/ec2/subnets?accountId={ApiTestHost.SpokeB}&region={Region}").As(Admin));

        // Assert
        var error = ResponseAssert.Error(response, 500, "ASSUME_ROLE_FAILED");
        Assert.Equal("sts", error.GetProperty("details").GetProperty("service").GetString());
    }
}
