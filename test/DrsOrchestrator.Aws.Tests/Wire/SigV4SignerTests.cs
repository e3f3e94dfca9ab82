using System.Security.Cryptography;
using DrsOrchestrator.Aws.Wire;
using Amazon.Runtime;

namespace DrsOrchestrator.Aws.Tests.Wire;

public sealed class SigV4SignerTests
{
    // The AWS SigV4 test suite's "get-vanilla" case: documented example credentials, region, service and time.
    private const string ExampleAccessKey = "AKIDEXAMPLE";
    private const string ExampleSecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string GetVanillaSignature = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
    private static readonly DateTime SuiteTime = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);
    private static readonly string EmptyPayloadHash = ReferenceSigV4.Hex(SHA256.HashData([]));

    [Fact]
    public void ReferenceSignature_GetVanilla_MatchesPublishedSuiteValue()
    {
        // Arrange
        var canonical = ReferenceSigV4.CanonicalRequest("GET", "/", string.Empty, [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")], EmptyPayloadHash);

        // Act
        var signature = ReferenceSigV4.Signature(canonical, ExampleSecretKey, SuiteTime, "us-east-1", "service");

        // Assert
        Assert.Equal(GetVanillaSignature, signature);
    }

    [Fact]
    public void Sign_GetVanillaRequest_AuthorizationMatchesSpecComputation()
    {
        // Arrange
        var signer = new SigV4Signer(new AwsService("example", "service"));
        var request = new WireRequest("GetVanilla", HttpMethod.Get, "/", [], null);

        // Act
        var signed = signer.Sign(request, new Uri("https://example.amazonaws.com"), "us-east-1", new ImmutableCredentials(ExampleAccessKey, ExampleSecretKey, null), SuiteTime);

        // Assert: the SDK also signs x-amz-content-sha256, so the expected value is the suite's case plus that header.
        (string, string)[] headers = [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z"), ("X-Amz-Content-SHA256", EmptyPayloadHash)];
        var canonical = ReferenceSigV4.CanonicalRequest("GET", "/", string.Empty, headers, EmptyPayloadHash);
        var expected = $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders={ReferenceSigV4.SignedHeaders(headers)}, Signature={ReferenceSigV4.Signature(canonical, ExampleSecretKey, SuiteTime, "us-east-1", "service")}";
        Assert.Equal(expected, signed.Headers["Authorization"]);
        Assert.Equal("20150830T123600Z", signed.Headers["X-Amz-Date"]);
    }

    [Fact]
    public void Sign_SessionCredentials_SignsAndSendsSecurityToken()
    {
        // Arrange
        var signer = new SigV4Signer(AwsService.Drs);
        var body = "{\"sourceServerID\":\"s-1\"}"u8.ToArray();
        var request = new WireRequest("GetLaunchConfiguration", HttpMethod.Post, "/GetLaunchConfiguration", body, "application/json");
        var credentials = new ImmutableCredentials("ASIAEXAMPLE", ExampleSecretKey, "session-token-value");

        // Act
        var signed = signer.Sign(request, new Uri("http://127.0.0.1:5005"), "eu-west-1", credentials, SuiteTime);

        // Assert
        Assert.Equal("session-token-value", signed.Headers["X-Amz-Security-Token"]);
        Assert.Contains("x-amz-security-token", signed.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("Credential=ASIAEXAMPLE/20150830/eu-west-1/drs/aws4_request", signed.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(ReferenceSigV4.Hex(SHA256.HashData(body)), signed.Headers["X-Amz-Content-SHA256"]);
    }

    [Fact]
    public void Sign_ArnPathLabelAndRepeatedQuery_EncodesArnAsOneSegment()
    {
        // Arrange
        var signer = new SigV4Signer(AwsService.Drs);
        const string arn = "arn:aws:drs:us-east-1:111122223333:source-server/s-1234567890abcdef0";
        var request = new WireRequest(
            "UntagResource", HttpMethod.Delete, "/tags/{resourceArn}", [], null,
            new Dictionary<string, string> { ["resourceArn"] = arn },
            [new("tagKeys", "a"), new("tagKeys", "b c")]);

        // Act
        var signed = signer.Sign(request, new Uri("http://127.0.0.1:5005"), "us-east-1", new ImmutableCredentials(ExampleAccessKey, ExampleSecretKey, null), SuiteTime);

        // Assert
        var segments = signed.Url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, segments.Length);
        Assert.Equal(arn, Uri.UnescapeDataString(segments[1]));
        var query = signed.Url.Query.TrimStart('?').Split('&').Select(Uri.UnescapeDataString).ToList();
        Assert.Equal(["tagKeys=a", "tagKeys=b c"], query.Order(StringComparer.Ordinal).ToList());
    }
}
