using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using DrsOrchestrator.Aws.CloudFront;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Console;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.FrontendBuilder.Tests.Support;

namespace DrsOrchestrator.FrontendBuilder.Tests.CloudFront;

/// <summary>The invalidation request checked member by member against the official CloudFront model.</summary>
public sealed class CloudFrontModelConformanceTests
{
    private const string DistributionId = "E2EXAMPLE0ABC";

    private const string InvalidationAnswer =
        """<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status><CreateTime>2026-01-01T00:00:00Z</CreateTime></Invalidation>""";

    private readonly RecordingHandler handler = new() { Body = InvalidationAnswer };

    [Fact]
    public async Task CreateInvalidation_Request_MethodAndUriFromTheModel()
    {
        // Arrange
        var operation = CloudFrontModel.Instance.Operation("CreateInvalidation");
        var http = operation.GetProperty("http");
        var expectedMethod = http.TryGetProperty("method", out var method) ? method.GetString()! : "POST";
        var expectedPath = http.GetProperty("requestUri").GetString()!.Replace("{DistributionId}", DistributionId, StringComparison.Ordinal);

        // Act
        await Invalidator().InvalidateAsync(DistributionId, ["/*"], "ref-1", CancellationToken.None);

        // Assert
        var request = Assert.Single(handler.Requests);
        Assert.Equal(expectedMethod, request.Method.Method);
        Assert.Equal(expectedPath, request.Url.AbsolutePath);
        Assert.Equal(string.Empty, request.Url.Query);
    }

    [Fact]
    public async Task CreateInvalidation_Payload_ElementNamesAndNamespaceFromTheModel()
    {
        // Arrange
        var model = CloudFrontModel.Instance;
        var input = model.Operation("CreateInvalidation").GetProperty("input");
        var payloadName = input.GetProperty("payload").GetString()!;
        var payloadMember = input.GetProperty("members").GetProperty(payloadName);
        XNamespace ns = payloadMember.GetProperty("xmlNamespace").GetProperty("uri").GetString()!;
        var batchShape = model.Resolve(payloadMember);
        var pathsShape = model.Resolve(batchShape.GetProperty("members").GetProperty("Paths"));
        var itemsShape = model.Resolve(pathsShape.GetProperty("members").GetProperty("Items"));
        var itemName = itemsShape.GetProperty("member").GetProperty("locationName").GetString()!;

        // Act
        await Invalidator().InvalidateAsync(DistributionId, ["/*", "/index.html"], "ref-1", CancellationToken.None);

        // Assert
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Assert.Single(handler.Requests).Body));
        var batch = document.Root!;
        Assert.Equal(ns + payloadMember.GetProperty("locationName").GetString()!, batch.Name);
        AssertMembersAndRequired(batch, batchShape, ns);
        var paths = batch.Element(ns + "Paths")!;
        AssertMembersAndRequired(paths, pathsShape, ns);
        Assert.Equal("2", paths.Element(ns + "Quantity")!.Value);
        Assert.Equal(["/*", "/index.html"], paths.Element(ns + "Items")!.Elements(ns + itemName).Select(e => e.Value));
        Assert.Equal("ref-1", batch.Element(ns + "CallerReference")!.Value);
    }

    [Fact]
    public async Task CreateInvalidation_DefaultEndpoint_GlobalHostSignedForUsEast1()
    {
        // Arrange
        var metadata = CloudFrontModel.Instance.Metadata;

        // Act
        await Invalidator().InvalidateAsync(DistributionId, ["/*"], "ref-1", CancellationToken.None);

        // Assert
        var request = Assert.Single(handler.Requests);
        Assert.Equal(metadata.GetProperty("globalEndpoint").GetString(), request.Url.Host);
        Assert.Equal("https", request.Url.Scheme);
        var signingName = metadata.TryGetProperty("signingName", out var name) ? name.GetString() : metadata.GetProperty("endpointPrefix").GetString();
        Assert.Contains($"/us-east-1/{signingName}/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIASIM111111111111/", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.True(request.Headers.ContainsKey("X-Amz-Date"));
        Assert.StartsWith("application/xml", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateInvalidation_Answer201_ReturnsTheInvalidationId()
    {
        // Arrange
        var responseCode = CloudFrontModel.Instance.Operation("CreateInvalidation").GetProperty("http").GetProperty("responseCode").GetInt32();
        handler.Status = (HttpStatusCode)responseCode;

        // Act
        var id = await Invalidator().InvalidateAsync(DistributionId, ["/*"], "ref-1", CancellationToken.None);

        // Assert
        Assert.Equal("I2J0I21PCUYOIK", id);
    }

    [Fact]
    public async Task CreateInvalidation_NoSuchDistribution_ThrowsResourceNotFoundWithTheCode()
    {
        // Arrange
        handler.Status = HttpStatusCode.NotFound;
        handler.Body = """<?xml version="1.0"?><ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Sender</Type><Code>NoSuchDistribution</Code><Message>The specified distribution does not exist.</Message></Error><RequestId>req-1</RequestId></ErrorResponse>""";

        // Act
        var error = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() =>
            Invalidator().InvalidateAsync(DistributionId, ["/*"], "ref-1", CancellationToken.None));

        // Assert
        Assert.Equal("NoSuchDistribution", error.ErrorCode);
        Assert.Equal("req-1", error.RequestId);
        Assert.Single(handler.Requests);
    }

    /// <summary>The production factory with no endpoint override; the recording handler keeps every request in the process.</summary>
    private IContentDeliveryInvalidator Invalidator() => CloudFrontClients.Invalidator(
        new StaticCredentialSource("AKIASIM111111111111", "secret"),
        new AwsClientOptions(HttpClient: new HttpClient(handler)));

    private static void AssertMembersAndRequired(XElement element, JsonElement shape, XNamespace ns)
    {
        var members = shape.GetProperty("members").EnumerateObject().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(element.Elements(), e =>
        {
            Assert.Equal(ns, e.Name.Namespace);
            Assert.Contains(e.Name.LocalName, members);
        });
        if (shape.TryGetProperty("required", out var required))
        {
            Assert.All(required.EnumerateArray().Select(r => r.GetString()!), r => Assert.NotNull(element.Element(ns + r)));
        }
    }
}
