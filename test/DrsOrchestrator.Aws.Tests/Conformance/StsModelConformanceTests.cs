using System.Text;
using Amazon.Runtime;
using Amazon.SecurityToken;
using DrsOrchestrator.Aws.Accounts;
using DrsOrchestrator.Domain.Ports.Accounts;

namespace DrsOrchestrator.Aws.Tests.Conformance;

/// <summary>The AssumeRole call the cross-account factory makes, as the SDK puts it on the wire, against the sts model.</summary>
public sealed class StsModelConformanceTests
{
    private const string AnswerXml =
        "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials>" +
        "<AccessKeyId>ASIASIM200000000002AAAA</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>" +
        "<Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>" +
        "<AssumedRoleUser><AssumedRoleId>AROA:drs</AssumedRoleId><Arn>arn:aws:sts::200000000002:assumed-role/r/drs</Arn></AssumedRoleUser>" +
        "</AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></AssumeRoleResponse>";

    [Fact]
    public async Task AssumeRole_RoleWithExternalId_SendsOnlyModelParametersAndReadsSession()
    {
        // Arrange
        var model = ApiModel.Load("sts");
        var handler = new CapturingHandler { AnswerContentType = "text/xml", AnswerBody = AnswerXml };
        using var sts = new AmazonSecurityTokenServiceClient(
            new BasicAWSCredentials("AKIASIM100000000001", "secret"),
            new AmazonSecurityTokenServiceConfig { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "us-east-1", HttpClientFactory = new CapturingFactory(handler) });
        var assumer = new StsRoleAssumer(sts, "drs-orchestrator", TimeSpan.FromHours(1));

        // Act
        var session = await assumer.AssumeAsync(new AccountAccess("200000000002", "arn:aws:iam::200000000002:role/DrsOrchestratorSpokeRole", "ext-1"), default);

        // Assert
        var form = Encoding.UTF8.GetString(Assert.Single(handler.Requests).Body).Split('&')
            .Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));
        Assert.Equal("AssumeRole", form["Action"]);
        Assert.Equal(model.Metadata.GetProperty("apiVersion").GetString(), form["Version"]);
        var members = ApiModel.Members(model.Input("AssumeRole")!.Value).Select(m => m.Name).ToHashSet();
        Assert.All(form.Keys.Where(k => k is not "Action" and not "Version"), k => Assert.Contains(k, members));
        Assert.Equal("ext-1", form["ExternalId"]);
        Assert.Equal("3600", form["DurationSeconds"]);
        Assert.Equal("ASIASIM200000000002AAAA", session.Credentials.AccessKey);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), session.Expiration);
    }

    private sealed class CapturingFactory(CapturingHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
    }
}
