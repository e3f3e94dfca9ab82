using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DrsOrchestrator.Local.Tests.Support;

/// <summary>Reads the API envelope ({"success":true,"data":...}) and fails with the body when it is not what the test expects.</summary>
internal static class ApiJson
{
    public static async Task<JsonNode> DataAsync(HttpResponseMessage response, int expectedStatus)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"Expected HTTP {expectedStatus}, got {(int)response.StatusCode}: {text}");
        var envelope = JsonNode.Parse(text)!;
        Assert.True(envelope["success"]!.GetValue<bool>(), text);
        return envelope["data"]!;
    }

    public static async Task<string> ErrorCodeAsync(HttpResponseMessage response)
    {
        var envelope = await response.Content.ReadFromJsonAsync<JsonObject>();
        return envelope!["error"]!["code"]!.GetValue<string>();
    }
}
