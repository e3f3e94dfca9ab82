using System.Text;
using System.Text.Json;
using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Functions.Api;

namespace DrsOrchestrator.Api.Tests.Hosting;

public sealed class FunctionTests
{
    [Fact]
    public async Task HandleAsync_ProxyEventWithCognitoClaims_RunsThePipelineAsThatUser()
    {
        // Arrange: claims as API Gateway's Cognito authorizer passes them (groups flattened to "[a b]").
        var function = new Function(OfflineApi.Create());
        const string Event = """
            {"resource":"/users/profile","path":"/users/profile","httpMethod":"GET","headers":{"Accept":"application/json"},
             "multiValueHeaders":{},"queryStringParameters":null,"pathParameters":null,"stageVariables":null,
             "requestContext":{"requestId":"apigw-req-7","stage":"prod","authorizer":{"claims":{"sub":"u-7","email":"op@example.test","cognito:groups":"[DRSOperator DRSReadOnly]"}}},
             "body":null,"isBase64Encoded":false}
            """;

        // Act
        await using var output = await function.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(Event)));

        // Assert
        using var response = await JsonDocument.ParseAsync(output);
        Assert.Equal(200, response.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("apigw-req-7", response.RootElement.GetProperty("headers").GetProperty("X-Request-Id").GetString());
        using var body = JsonDocument.Parse(response.RootElement.GetProperty("body").GetString()!);
        var permissions = body.RootElement.GetProperty("data").GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToArray();
        Assert.Equal(["drs:ExecuteRecovery", "drs:ExecuteDrill", "drs:ViewResources"], permissions);
    }

    [Fact]
    public async Task HandleAsync_ProxyEventWithoutAuthorizer_Returns401ForProtectedRoute()
    {
        var function = new Function(OfflineApi.Create());
        const string Event = """{"path":"/users/profile","httpMethod":"GET","requestContext":{"requestId":"r-1"}}""";

        await using var output = await function.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(Event)));

        using var response = await JsonDocument.ParseAsync(output);
        Assert.Equal(401, response.RootElement.GetProperty("statusCode").GetInt32());
    }
}
