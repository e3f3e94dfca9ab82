using System.Text.Json;
using DrsOrchestrator.Functions.Api.Pipeline;

namespace DrsOrchestrator.Api.Tests.Support;

public static class ResponseAssert
{
    public static JsonElement Success(ApiResponse response, int expectedStatus = 200)
    {
        Assert.True(response.StatusCode == expectedStatus, $"Expected {expectedStatus}, got {response.StatusCode}: {response.Body}");
        if (expectedStatus == 204)
        {
            return default;
        }

        using var document = JsonDocument.Parse(response.Body);
        Assert.True(document.RootElement.GetProperty("success").GetBoolean());
        return document.RootElement.GetProperty("data").Clone();
    }

    public static JsonElement Error(ApiResponse response, int expectedStatus, string expectedCode)
    {
        Assert.True(response.StatusCode == expectedStatus, $"Expected {expectedStatus} {expectedCode}, got {response.StatusCode}: {response.Body}");
        using var document = JsonDocument.Parse(response.Body);
        var root = document.RootElement;
        Assert.False(root.GetProperty("success").GetBoolean());
        Assert.Equal(expectedCode, root.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("requestId").GetString()));
        return root.GetProperty("error").Clone();
    }

    public static string ErrorCode(ApiResponse response)
    {
        using var document = JsonDocument.Parse(response.Body);
        return document.RootElement.GetProperty("error").GetProperty("code").GetString()!;
    }
}
