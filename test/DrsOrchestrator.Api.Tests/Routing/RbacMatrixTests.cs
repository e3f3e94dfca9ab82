using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Functions.Api.Routing;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Api.Tests.Routing;

/// <summary>Every served route x every role (plus no token and a user in no group), generated from the route table.</summary>
[Collection(ApiCollection.Name)]
public sealed class RbacMatrixTests(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in RouteTable.Served)
        {
            foreach (var caller in Callers().Keys)
            {
                data.Add(route.Key, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HandleAsync_RouteAndCaller_AllowsOrDeniesExactlyAsTheBriefSays(string routeKey, string callerName)
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "rbac");
        var route = RouteTable.Served.Single(r => r.Key == routeKey);
        var caller = Callers()[callerName];
        var expected = ExpectedAccess.DeniedStatus(routeKey, caller.Claims is null ? null : Functions.Api.Pipeline.CognitoClaims.ParseGroups(caller.Claims["cognito:groups"]));
        var request = SampleRequests.For(route).As(caller);

        // Act
        var response = await host.SendAsync(request);

        // Assert
        if (expected is { } denied)
        {
            ResponseAssert.Error(response, denied, denied == 401 ? "UNAUTHORIZED" : "FORBIDDEN");
        }
        else
        {
            Assert.True(response.StatusCode is not (401 or 403), $"{callerName} should pass {routeKey} but got {response.StatusCode}: {response.Body}");
            Assert.True(response.StatusCode < 500, $"{routeKey} as {callerName} failed with {response.StatusCode}: {response.Body}");
        }
    }

    private static Dictionary<string, TestCaller> Callers()
    {
        var callers = RoleGroups.All.ToDictionary(g => g, TestCaller.InGroup);
        callers["no-group"] = TestCaller.NoGroup;
        callers["no-token"] = TestCaller.Anonymous;
        return callers;
    }
}
