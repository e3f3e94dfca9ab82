using System.Reflection;
using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Functions.Api.Routing;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Api.Tests.Fuzzing;

[Collection(ApiCollection.Name)]
public sealed class MalformedInputTests(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator)
{
    private static readonly HashSet<string> StableCodes = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> RoutesWithInput()
    {
        var data = new TheoryData<string>();
        foreach (var binding in RouteBindings.Default.All.Where(b => b.RequestBody is not null || b.Route.PathParameterNames.Count > 0 || b.Route.QueryParameters.Count > 0))
        {
            data.Add(binding.Route.Key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoutesWithInput))]
    public async Task HandleAsync_MalformedRequests_Get4xxWithStableCodeAndChangeNothing(string routeKey)
    {
        // Arrange: a store with content, so "unchanged" means something.
        var host = await SharedHosts.GetAsync(dynamo, simulator, "fuzz");
        var admin = TestCaller.InGroup(RoleGroups.Admin);
        await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", new ProtectionGroupJson().Create()).As(admin));
        var binding = RouteBindings.Default.All.Single(b => b.Route.Key == routeKey);
        var cases = BadRequestGenerator.For(binding).ToList();
        var before = await host.SnapshotAsync();
        var failures = new List<string>();

        // Act
        foreach (var (label, request) in cases)
        {
            var response = await host.SendAsync(request.As(admin));
            var code = response.Body.Length > 0 && response.StatusCode >= 400 ? ResponseAssert.ErrorCode(response) : null;
            if (response.StatusCode is < 400 or >= 500 || code is null || !StableCodes.Contains(code))
            {
                failures.Add($"{label} -> {response.StatusCode} {response.Body[..Math.Min(300, response.Body.Length)]}");
            }
        }

        // Assert
        Assert.True(cases.Count >= 50, $"only {cases.Count} cases generated");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await host.SnapshotAsync());
    }
}
