using System.Net;
using System.Xml.Linq;
using DrsOrchestrator.Simulator.Tests.Support;
using static DrsOrchestrator.Simulator.Tests.Support.SimulatorHarness;

namespace DrsOrchestrator.Simulator.Tests;

public sealed class IdentityTests
{
    private const string RoleArn = "arn:aws:iam::222222222222:role/DrsOrchestratorCrossAccountRole";
    private const string ExternalId = "sim-external-id-222222222222";
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    [Fact]
    public async Task DescribeSourceServers_NoAuthorizationHeader_Returns403MissingAuthenticationToken()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = harness.Server.BaseAddress };

        using var response = await http.PostAsync("DescribeSourceServers", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task DescribeSourceServers_GarbledAuthorizationHeader_Returns403IncompleteSignature()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = harness.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "DescribeSourceServers") { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer nonsense");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("IncompleteSignatureException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task DescribeSourceServers_UnknownAccessKey_Returns403UnrecognizedClient()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client(new TestCredentials("AKIAIOSFODNN7EXAMPLE", "x")).CallAsync("DescribeSourceServers");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("UnrecognizedClientException", response.ErrorType);
    }

    [Fact]
    public async Task AssumeRole_CorrectExternalId_ReturnsSessionThatCallsDrsAsTheSpoke()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var hub = harness.Client(Account1);

        var assume = await hub.AssumeRoleAsync(RoleArn, ExternalId);
        var credentials = ParseCredentials(assume.Body);
        var spoke = harness.Client(credentials, West);
        var servers = await spoke.CallAsync("DescribeSourceServers");

        Assert.Equal(HttpStatusCode.OK, assume.Status);
        Assert.Matches("^ASIASIM222222222222[A-Z0-9]+$", credentials.AccessKeyId);
        Assert.Equal(HttpStatusCode.OK, servers.Status);
        Assert.All(servers.Json["items"]!.AsArray(), s => Assert.Contains(":222222222222:", s!["arn"]!.GetValue<string>(), StringComparison.Ordinal));
        var drsCall = harness.Simulator.Calls.Single(c => c.Operation == "DescribeSourceServers");
        Assert.Equal(("222222222222", West, credentials.AccessKeyId), (drsCall.AccountId, drsCall.Region, drsCall.AccessKeyId));
        Assert.DoesNotContain(harness.Simulator.Calls, c => c.AccountId == "222222222222" && c.AccessKeyId!.StartsWith("AKIA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssumeRole_WrongExternalId_Returns403AccessDeniedXml()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client(Account1).AssumeRoleAsync(RoleArn, "wrong");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        var error = XDocument.Parse(response.Body).Root!;
        Assert.Equal(Sts + "ErrorResponse", error.Name);
        Assert.Equal("AccessDenied", error.Element(Sts + "Error")!.Element(Sts + "Code")!.Value);
        Assert.Equal("Sender", error.Element(Sts + "Error")!.Element(Sts + "Type")!.Value);
    }

    [Fact]
    public async Task AssumeRole_UnknownAccount_Returns403AccessDenied()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client(Account1).AssumeRoleAsync("arn:aws:iam::999999999999:role/DrsOrchestratorCrossAccountRole", ExternalId);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
    }

    [Fact]
    public async Task DescribeJobs_SessionKeyWithWrongSecret_Returns403InvalidSignature()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var credentials = ParseCredentials((await harness.Client(Account1).AssumeRoleAsync(RoleArn, ExternalId)).Body);

        var response = await harness.Client(credentials with { SecretAccessKey = "not-the-secret" }, West).CallAsync("DescribeJobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
    }

    [Fact]
    public async Task DescribeJobs_SessionPastExpiration_Returns403ExpiredToken()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var credentials = ParseCredentials((await harness.Client(Account1).AssumeRoleAsync(RoleArn, ExternalId)).Body);

        await harness.Simulator.AdvanceAsync(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var response = await harness.Client(credentials, West).CallAsync("DescribeJobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("ExpiredTokenException", response.ErrorType);
    }

    [Fact]
    public async Task TagResource_SessionCallWithEncodedArnInPath_SignatureVerifiesAndTagsApply()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var credentials = ParseCredentials((await harness.Client(Account1).AssumeRoleAsync(RoleArn, ExternalId)).Body);
        var spoke = harness.Client(credentials, East);
        var arn = harness.Servers(Account2, East)[0].Arn;

        var tag = await spoke.SendAsync(HttpMethod.Post, "/tags/" + Uri.EscapeDataString(arn), """{"tags":{"DrGroup":"pg-1"}}""");
        var list = await spoke.SendAsync(HttpMethod.Get, "/tags/" + Uri.EscapeDataString(arn), null);

        Assert.Equal(HttpStatusCode.OK, tag.Status);
        Assert.Equal("pg-1", list.Json["tags"]!["DrGroup"]!.GetValue<string>());
    }

    private static TestCredentials ParseCredentials(string xml)
    {
        var credentials = XDocument.Parse(xml).Root!.Element(Sts + "AssumeRoleResult")!.Element(Sts + "Credentials")!;
        return new TestCredentials(
            credentials.Element(Sts + "AccessKeyId")!.Value,
            credentials.Element(Sts + "SecretAccessKey")!.Value,
            credentials.Element(Sts + "SessionToken")!.Value);
    }
}
