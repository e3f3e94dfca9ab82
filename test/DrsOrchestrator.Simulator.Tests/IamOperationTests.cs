using System.Net;
using System.Xml.Linq;
using DrsOrchestrator.Simulator.Scenarios;
using DrsOrchestrator.Simulator.Tests.Support;
using static DrsOrchestrator.Simulator.Tests.Support.SimulatorHarness;

namespace DrsOrchestrator.Simulator.Tests;

/// <summary>IAM's query protocol at POST /, told apart from STS and EC2 by the SigV4 scope's service; the account comes from the identity.</summary>
public sealed class IamOperationTests
{
    private static readonly XNamespace Iam = "https://iam.amazonaws.com/doc/2010-05-08/";

    [Fact]
    public async Task ListInstanceProfiles_IamScope_ReturnsTheCallersProfilesInIamXml()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();

        // Act
        var first = await IamAsync(harness.Client(Account1), "ListInstanceProfiles");
        var second = await IamAsync(harness.Client(Account2), "ListInstanceProfiles");

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.Status);
        var root = XDocument.Parse(first.Body).Root!;
        Assert.Equal(Iam + "ListInstanceProfilesResponse", root.Name);
        var result = root.Element(Iam + "ListInstanceProfilesResult")!;
        Assert.Equal("false", result.Element(Iam + "IsTruncated")!.Value);
        var profiles = result.Element(Iam + "InstanceProfiles")!.Elements(Iam + "member").ToList();
        Assert.Equal(harness.Simulator.InstanceProfilesOf(Account1).Select(p => p.InstanceProfileName), profiles.Select(p => p.Element(Iam + "InstanceProfileName")!.Value));
        Assert.All(profiles, p => Assert.StartsWith($"arn:aws:iam::{Account1}:instance-profile/", p.Element(Iam + "Arn")!.Value, StringComparison.Ordinal));
        Assert.All(profiles, p => Assert.Single(p.Element(Iam + "Roles")!.Elements(Iam + "member")));
        Assert.Contains($"arn:aws:iam::{Account2}:instance-profile/", second.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Account1, second.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListInstanceProfiles_MaxItemsOne_PagesWithMarkerUntilNotTruncated()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var names = new List<string>();
        string? marker = null;

        // Act
        for (var page = 0; page < 10; page++)
        {
            var response = await IamAsync(client, "ListInstanceProfiles", marker is null ? [("MaxItems", "1")] : [("MaxItems", "1"), ("Marker", marker)]);
            var result = XDocument.Parse(response.Body).Root!.Element(Iam + "ListInstanceProfilesResult")!;
            names.AddRange(result.Element(Iam + "InstanceProfiles")!.Elements(Iam + "member").Select(m => m.Element(Iam + "InstanceProfileName")!.Value));
            marker = result.Element(Iam + "Marker")?.Value;
            if (result.Element(Iam + "IsTruncated")!.Value == "false")
            {
                break;
            }
        }

        // Assert
        Assert.Equal(harness.Simulator.InstanceProfilesOf(Account1).Select(p => p.InstanceProfileName), names);
        Assert.Null(marker);
    }

    [Fact]
    public async Task ListInstanceProfiles_ScenarioNamesProfiles_ServesThoseNames()
    {
        // Arrange
        var scenario = new SimulatorScenario { Accounts = [new ScenarioAccount { AccountId = Account1, InstanceProfiles = ["web-profile", "db-profile"] }] };
        await using var harness = await SimulatorHarness.StartAsync(scenario);

        // Act
        var response = await IamAsync(harness.Client(), "ListInstanceProfiles");

        // Assert
        var names = XDocument.Parse(response.Body).Root!.Descendants(Iam + "InstanceProfileName").Select(e => e.Value);
        Assert.Equal(["web-profile", "db-profile"], names);
    }

    [Fact]
    public async Task Post_UnknownIamActionOrBadMaxItems_Returns400InIamErrorShape()
    {
        // Arrange
        await using var harness = await SimulatorHarness.StartAsync();

        // Act
        var unknown = await IamAsync(harness.Client(), "CreateRole");
        var badMax = await IamAsync(harness.Client(), "ListInstanceProfiles", ("MaxItems", "0"));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        var error = XDocument.Parse(unknown.Body).Root!;
        Assert.Equal(Iam + "ErrorResponse", error.Name);
        Assert.Equal("InvalidAction", error.Element(Iam + "Error")!.Element(Iam + "Code")!.Value);
        Assert.Equal("ValidationError", XDocument.Parse(badMax.Body).Root!.Element(Iam + "Error")!.Element(Iam + "Code")!.Value);
    }

    private static Task<SimResponse> IamAsync(SimulatorClient client, string action, params (string Name, string Value)[] parameters)
    {
        var form = $"Action={action}&Version=2010-05-08" + string.Concat(parameters.Select(p => $"&{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        return client.SendAsync(HttpMethod.Post, "/", form, "iam", "application/x-www-form-urlencoded");
    }
}
