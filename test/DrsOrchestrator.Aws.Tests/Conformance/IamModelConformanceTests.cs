using System.Text;
using System.Xml.Linq;
using DrsOrchestrator.Aws.Iam;
using DrsOrchestrator.Aws.Wire;

namespace DrsOrchestrator.Aws.Tests.Conformance;

/// <summary>IAM query-protocol requests and XML answers against the official iam model.</summary>
public sealed class IamModelConformanceTests
{
    private readonly ApiModel model = ApiModel.Load("iam");

    [Fact]
    public async Task ListInstanceProfiles_TwoPages_SendsModelParametersToTheGlobalEndpointAndFollowsMarker()
    {
        // Arrange
        var handler = new CapturingHandler { AnswerContentType = "text/xml" };
        handler.Responder = r => SampleXml(truncated: !Encoding.UTF8.GetString(r.Body).Contains("Marker=", StringComparison.Ordinal));
        var client = NewClient(handler);

        // Act
        var profiles = await client.ListInstanceProfilesAsync(default);

        // Assert
        Assert.Equal(2, profiles.Count);
        Assert.Equal(2, handler.Requests.Count);
        var members = ApiModel.Members(model.Input("ListInstanceProfiles")!.Value).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var request in handler.Requests)
        {
            var form = Form(request);
            Assert.Equal("ListInstanceProfiles", form["Action"]);
            Assert.Equal(model.Metadata.GetProperty("apiVersion").GetString(), form["Version"]);
            Assert.All(form.Keys.Where(k => k is not "Action" and not "Version"), k => Assert.Contains(k, members));
            Assert.Equal("POST", request.Method);
            Assert.Equal("https://" + model.Metadata.GetProperty("globalEndpoint").GetString() + "/", request.Url.ToString());
            Assert.Contains("/us-east-1/iam/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        }

        Assert.Equal("sample-Marker", Form(handler.Requests[1])["Marker"]);
    }

    [Fact]
    public async Task ListInstanceProfiles_FullyPopulatedModelAnswer_MapsEveryField()
    {
        // Arrange
        var handler = new CapturingHandler { AnswerContentType = "text/xml", AnswerBody = SampleXml(truncated: false) };

        // Act
        var profile = Assert.Single(await NewClient(handler).ListInstanceProfilesAsync(default));

        // Assert
        Assert.Equal("sample-InstanceProfileName", profile.InstanceProfileName);
        Assert.Equal("sample-Arn", profile.Arn);
        Assert.Equal("sample-Path", profile.Path);
        Assert.Equal(["sample-RoleName"], profile.RoleNames);
    }

    /// <summary>An answer filling every output member as the query protocol does: member names as elements, lists of &lt;member&gt;, inside the result wrapper.</summary>
    private string SampleXml(bool truncated)
    {
        XNamespace ns = model.Metadata.GetProperty("xmlNamespace").GetString()!;
        var operation = model.Operation("ListInstanceProfiles");
        var output = model.Output("ListInstanceProfiles")!.Value;
        var result = new XElement(ns + operation.GetProperty("output").GetProperty("resultWrapper").GetString()!);
        new QueryXmlSampler(model, ns, maxDepth: 6, timestamp: "2024-05-01T10:00:00Z").FillStructure(result, output);
        result.Element(ns + "IsTruncated")!.Value = truncated ? "true" : "false";
        if (!truncated)
        {
            result.Element(ns + "Marker")!.Remove();
        }

        return new XElement(ns + "ListInstanceProfilesResponse", result, new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", "r-1")))
            .ToString(SaveOptions.DisableFormatting);
    }

    private static Dictionary<string, string> Form(CapturedRequest request) =>
        Encoding.UTF8.GetString(request.Body).Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);

    private static IamClient NewClient(CapturingHandler handler) => new(new AwsWireClient(
        AwsService.Iam,
        IamClient.SigningRegion,
        new StaticCredentialSource("AKIASIM100000000001", "secret"),
        new AwsClientOptions(null, RetryOptions.None, HttpClient: new HttpClient(handler)),
        Ec2XmlErrorParser.Instance));
}
