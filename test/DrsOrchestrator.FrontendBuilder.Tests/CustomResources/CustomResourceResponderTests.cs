using System.Text.Json.Nodes;
using DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

namespace DrsOrchestrator.FrontendBuilder.Tests.CustomResources;

public sealed class CustomResourceResponderTests
{
    [Fact]
    public void Serialize_ReasonBeyondTheLimit_CutToFitCloudFormationsFourKilobytes()
    {
        // Arrange
        var response = new CustomResourceResponse("FAILED", new string('x', 10_000), "console-x", "stack", "request", "Logical", null);

        // Act
        var body = CustomResourceResponder.Serialize(response);

        // Assert
        Assert.True(body.Length <= CustomResourceResponder.MaxBodyBytes, $"{body.Length} bytes");
        var json = JsonNode.Parse(body)!;
        Assert.EndsWith("[truncated]", json["Reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("console-x", json["PhysicalResourceId"]!.GetValue<string>());
    }

    [Fact]
    public void Serialize_Success_OmitsReasonAndData()
    {
        // Arrange
        var response = new CustomResourceResponse("SUCCESS", null, "console-x", "stack", "request", "Logical", null);

        // Act
        var json = JsonNode.Parse(CustomResourceResponder.Serialize(response))!.AsObject();

        // Assert
        Assert.False(json.ContainsKey("Reason"));
        Assert.False(json.ContainsKey("Data"));
        Assert.Equal("SUCCESS", json["Status"]!.GetValue<string>());
    }
}
