using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using DrsOrchestrator.Simulator.Tests.Support;
using static DrsOrchestrator.Simulator.Tests.Support.SimulatorHarness;

namespace DrsOrchestrator.Simulator.Tests;

/// <summary>The simulator against the AWS SDK's own STS client and SigV4 signer, not just our test signer.</summary>
public sealed class SdkInteropTests
{
    [Fact]
    public async Task AssumeRole_OfficialStsClient_ParsesSimulatorResponse()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        using var sts = new AmazonSecurityTokenServiceClient(
            new BasicAWSCredentials("AKIASIM" + Account1, "hub-secret"),
            new AmazonSecurityTokenServiceConfig { ServiceURL = harness.Server.BaseAddress.ToString(), AuthenticationRegion = East, MaxErrorRetry = 0 });

        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::222222222222:role/DrsOrchestratorCrossAccountRole",
            RoleSessionName = "drs-orchestrator",
            ExternalId = "sim-external-id-222222222222",
        });

        Assert.StartsWith("ASIASIM222222222222", response.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(response.Credentials.SessionToken));
        Assert.Equal(harness.Simulator.Clock.GetUtcNow().AddHours(1).UtcDateTime, response.Credentials.Expiration!.Value.ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/DrsOrchestratorCrossAccountRole/drs-orchestrator", response.AssumedRoleUser.Arn);
    }

    [Fact]
    public async Task AssumeRole_OfficialStsClientWrongExternalId_ThrowsAccessDenied()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        using var sts = new AmazonSecurityTokenServiceClient(
            new BasicAWSCredentials("AKIASIM" + Account1, "hub-secret"),
            new AmazonSecurityTokenServiceConfig { ServiceURL = harness.Server.BaseAddress.ToString(), AuthenticationRegion = East, MaxErrorRetry = 0 });

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::222222222222:role/DrsOrchestratorCrossAccountRole",
            RoleSessionName = "drs-orchestrator",
            ExternalId = "guess",
        }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/DescribeJobs", null)]
    [InlineData("GET", "/tags/{resourceArn}", "source-server")]
    public async Task SdkSigner_SessionCredentials_SignatureAccepted(string method, string resourcePath, string? arnType)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var credentials = harness.Simulator.AssumeRole(Model.CallerIdentity.ForAccount(Account1, East), "arn:aws:iam::222222222222:role/DrsOrchestratorCrossAccountRole", "sdk-test", "sim-external-id-222222222222");
        var request = new DefaultRequest(new EmptyRequest(), "drs")
        {
            HttpMethod = method,
            Endpoint = harness.Server.BaseAddress,
            ResourcePath = resourcePath,
            AuthenticationRegion = West,
            Content = method == "POST" ? Encoding.UTF8.GetBytes("{}") : null,
        };
        if (arnType is not null)
        {
            request.AddPathResource("{resourceArn}", harness.Servers(Account2, West)[0].Arn);
        }

        var url = AmazonServiceClient.ComposeUrl(request);
        request.Headers["Host"] = $"{url.Host}:{url.Port}";
        if (request.Content is not null)
        {
            request.Headers["Content-Type"] = "application/json";
        }

        request.Headers["X-Amz-Security-Token"] = credentials.SessionToken;
        var signed = new AWS4Signer().SignRequest(request, new SigningConfig(West), null, credentials.AccessKeyId, credentials.SecretAccessKey);
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(new HttpMethod(method), url);
        foreach (var (name, value) in request.Headers.Where(h => h.Key is not ("Host" or "Content-Type")))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.TryAddWithoutValidation("Authorization", signed.ForAuthorizationHeader);
        if (request.Content is not null)
        {
            message.Content = new ByteArrayContent(request.Content);
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        using var response = await http.SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class EmptyRequest : AmazonWebServiceRequest;

    private sealed class SigningConfig : ClientConfig
    {
        public SigningConfig(string region)
            : base(null!)
        {
            AuthenticationRegion = region;
            AuthenticationServiceName = "drs";
        }

        public override string RegionEndpointServiceName => "drs";

        public override string ServiceVersion => "2020-02-26";

        public override string UserAgent => "simulator-tests";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
            throw new NotSupportedException();
    }
}
