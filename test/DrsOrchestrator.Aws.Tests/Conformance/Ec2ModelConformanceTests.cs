using System.Text;
using System.Xml.Linq;
using DrsOrchestrator.Aws.Ec2;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Ec2;

namespace DrsOrchestrator.Aws.Tests.Conformance;

/// <summary>EC2 query-protocol requests and XML answers against the official ec2 model.</summary>
public sealed class Ec2ModelConformanceTests
{
    private readonly ApiModel model = ApiModel.Load("ec2");

    /// <summary>A request setting every member the client can send, so each parameter name is checked against the model.</summary>
    private static readonly Ec2NewLaunchTemplateVersion FullVersionRequest = new(
        "lt-1",
        2,
        "token-1",
        "applied",
        "m5.large",
        new Ec2IamInstanceProfile("arn:aws:iam::100000000001:instance-profile/app", "app"),
        [
            new Ec2LaunchTemplateNetworkInterface
            {
                DeviceIndex = 0,
                SubnetId = "subnet-1",
                Groups = ["sg-1", "sg-2"],
                AssociatePublicIpAddress = false,
                DeleteOnTermination = true,
                PrivateIpAddress = "10.0.0.5",
                Description = "primary",
                NetworkInterfaceId = "eni-1",
            },
            new Ec2LaunchTemplateNetworkInterface { DeviceIndex = 1, SubnetId = "subnet-2" },
        ]);

    private static readonly (string Operation, Func<IEc2Client, Task> Call)[] Calls =
    [
        ("DescribeSubnets", c => c.DescribeSubnetsAsync("vpc-1", default)),
        ("DescribeSecurityGroups", c => c.DescribeSecurityGroupsAsync("vpc-1", default)),
        ("DescribeInstanceTypes", c => c.DescribeInstanceTypesAsync(["m5.large", "t3.micro"], default)),
        ("DescribeLaunchTemplates", c => c.DescribeLaunchTemplatesAsync(["lt-1", "lt-2"], default)),
        ("DescribeInstances", c => c.DescribeInstancesAsync(["i-1", "i-2"], default)),
        ("DescribeLaunchTemplateVersions", c => c.DescribeDefaultLaunchTemplateVersionAsync("lt-1", default)),
        ("CreateLaunchTemplateVersion", c => c.CreateLaunchTemplateVersionAsync(FullVersionRequest, default)),
        ("ModifyLaunchTemplate", c => c.SetDefaultLaunchTemplateVersionAsync("lt-1", 3, default)),
        ("DeleteLaunchTemplateVersions", c => c.DeleteLaunchTemplateVersionAsync("lt-1", 3, default)),
    ];

    [Fact]
    public async Task Calls_EveryOperation_SendsActionVersionAndParametersFromTheModel()
    {
        // Arrange
        var handler = new CapturingHandler { AnswerContentType = "text/xml" };
        var client = NewClient(handler);
        var problems = new List<string>();

        // Act
        foreach (var (operation, call) in Calls)
        {
            handler.AnswerBody = SampleXml(operation, withNextToken: false);
            await call(client);
            problems.AddRange(CheckRequest(operation, handler.Requests[^1]));
        }

        // Assert
        Assert.Empty(problems);
    }

    [Fact]
    public async Task DescribeInstances_FullyPopulatedModelAnswer_MapsEveryField()
    {
        // Arrange
        var handler = new CapturingHandler { AnswerContentType = "text/xml", AnswerBody = SampleXml("DescribeInstances", withNextToken: false) };

        // Act
        var instances = await NewClient(handler).DescribeInstancesAsync(["i-1"], default);

        // Assert
        var instance = Assert.Single(instances);
        Assert.All(new object?[] { instance.State, instance.InstanceType, instance.PrivateIpAddress, instance.SubnetId }, Assert.NotNull);
        Assert.NotEqual(string.Empty, instance.InstanceId);
        Assert.NotEmpty(instance.Tags);
    }

    [Fact]
    public async Task DescribeListings_FullyPopulatedModelAnswers_MapEveryField()
    {
        // Arrange
        var handler = new CapturingHandler { AnswerContentType = "text/xml" };
        handler.Responder = r => SampleXml(Action(r), withNextToken: false);
        var client = NewClient(handler);

        // Act
        var subnet = Assert.Single(await client.DescribeSubnetsAsync(null, default));
        var group = Assert.Single(await client.DescribeSecurityGroupsAsync(null, default));
        var type = Assert.Single(await client.DescribeInstanceTypesAsync(null, default));
        var template = Assert.Single(await client.DescribeLaunchTemplatesAsync(null, default));

        // Assert
        Assert.All(new object?[] { subnet.VpcId, subnet.AvailabilityZone, subnet.CidrBlock, group.GroupName, group.VpcId, group.Description, type.DefaultVCpus, type.MemoryMiB, template.LaunchTemplateName, template.DefaultVersionNumber, template.LatestVersionNumber }, Assert.NotNull);
        Assert.All(new[] { subnet.SubnetId, group.GroupId, type.InstanceType, template.LaunchTemplateId }, id => Assert.StartsWith("sample-", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DescribeDefaultLaunchTemplateVersion_FullyPopulatedModelAnswer_MapsEveryField()
    {
        // Arrange
        var handler = new CapturingHandler { AnswerContentType = "text/xml", AnswerBody = SampleXml("DescribeLaunchTemplateVersions", withNextToken: false) };

        // Act
        var version = await NewClient(handler).DescribeDefaultLaunchTemplateVersionAsync("lt-1", default);

        // Assert
        Assert.Equal("sample-LaunchTemplateId", version.LaunchTemplateId);
        Assert.Equal(1, version.VersionNumber);
        Assert.True(version.IsDefault);
        Assert.Equal("sample-InstanceType", version.Data.InstanceType);
        Assert.Equal(new Ec2IamInstanceProfile("sample-Arn", "sample-Name"), version.Data.IamInstanceProfile);
        var nic = Assert.Single(version.Data.NetworkInterfaces);
        Assert.Equal(1, nic.DeviceIndex);
        Assert.Equal("sample-SubnetId", nic.SubnetId);
        Assert.Equal(["sample-Groups"], nic.Groups);
        Assert.All(new object?[] { nic.AssociatePublicIpAddress, nic.DeleteOnTermination, nic.PrivateIpAddress, nic.Description, nic.NetworkInterfaceId }, Assert.NotNull);
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_FullyPopulatedModelAnswer_MapsVersionAndWarnings()
    {
        // Arrange
        var handler = new CapturingHandler { AnswerContentType = "text/xml", AnswerBody = SampleXml("CreateLaunchTemplateVersion", withNextToken: false) };

        // Act
        var created = await NewClient(handler).CreateLaunchTemplateVersionAsync(FullVersionRequest, default);

        // Assert
        Assert.Equal("sample-LaunchTemplateId", created.LaunchTemplateId);
        Assert.Equal(1, created.VersionNumber);
        Assert.Equal(new Ec2ValidationError("sample-Code", "sample-Message"), Assert.Single(created.Warnings));
    }

    [Fact]
    public async Task DeleteLaunchTemplateVersion_ModelAnswerListsTheVersionAsNotDeleted_ThrowsWithItsCode()
    {
        // Arrange: the sample answer lists version 1 under unsuccessfullyDeletedLaunchTemplateVersionSet.
        var handler = new CapturingHandler { AnswerContentType = "text/xml", AnswerBody = SampleXml("DeleteLaunchTemplateVersions", withNextToken: false) };

        // Act
        var error = await Assert.ThrowsAsync<AwsValidationException>(() => NewClient(handler).DeleteLaunchTemplateVersionAsync("lt-1", 1, default));

        // Assert
        Assert.Equal(("ec2", "sample-Code"), (error.Service, error.ErrorCode));
        Assert.Contains("LaunchTemplateVersion.1=1", Encoding.UTF8.GetString(handler.Requests[^1].Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeSubnets_TwoPages_FollowsNextTokenAndReturnsBoth()
    {
        // Arrange
        var handler = new CapturingHandler { AnswerContentType = "text/xml" };
        handler.Responder = r => SampleXml("DescribeSubnets", withNextToken: !Encoding.UTF8.GetString(r.Body).Contains("NextToken=", StringComparison.Ordinal));

        // Act
        var subnets = await NewClient(handler).DescribeSubnetsAsync("vpc-1", default);

        // Assert
        Assert.Equal(2, subnets.Count);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("NextToken=sample-NextToken", Encoding.UTF8.GetString(handler.Requests[1].Body), StringComparison.Ordinal);
    }

    private List<string> CheckRequest(string operation, CapturedRequest sent)
    {
        var problems = new List<string>();
        if (!model.HasOperation(operation))
        {
            return [$"{operation} is not in the model"];
        }

        var form = Encoding.UTF8.GetString(sent.Body).Split('&')
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Uri.UnescapeDataString(p[0]), Value: Uri.UnescapeDataString(p[1])))
            .ToList();
        if (sent.Method != "POST" || !sent.Headers["Content-Type"].StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
        {
            problems.Add($"{operation}: {sent.Method} {sent.Headers["Content-Type"]}");
        }

        if (form.Single(p => p.Key == "Action").Value != operation)
        {
            problems.Add($"{operation}: wrong Action");
        }

        if (form.Single(p => p.Key == "Version").Value != model.Metadata.GetProperty("apiVersion").GetString())
        {
            problems.Add($"{operation}: wrong Version");
        }

        var input = model.Input(operation)!.Value;
        foreach (var (key, _) in form.Where(p => p.Key is not "Action" and not "Version"))
        {
            if (!ResolvesInModel(input, key.Split('.')))
            {
                problems.Add($"{operation}: parameter {key} does not resolve in the model input");
            }
        }

        return problems;
    }

    /// <summary>EC2 serialization: member name = queryName, else capitalised locationName, else the member name; lists flatten as Name.N.</summary>
    private bool ResolvesInModel(System.Text.Json.JsonElement shape, ReadOnlySpan<string> segments)
    {
        shape = model.Resolve(shape);
        var type = ApiModel.TypeOf(shape);
        if (segments.Length == 0)
        {
            return type is not "structure" and not "list";
        }

        if (type == "list")
        {
            return int.TryParse(segments[0], out var index) && index >= 1 && ResolvesInModel(shape.GetProperty("member"), segments[1..]);
        }

        if (type != "structure")
        {
            return false;
        }

        foreach (var (name, member) in ApiModel.Members(shape))
        {
            if (Ec2Name(name, member) == segments[0])
            {
                return ResolvesInModel(member, segments[1..]);
            }
        }

        return false;
    }

    private static string Ec2Name(string name, System.Text.Json.JsonElement member)
    {
        if (member.TryGetProperty("queryName", out var queryName))
        {
            return queryName.GetString()!;
        }

        if (member.TryGetProperty("locationName", out var locationName))
        {
            var value = locationName.GetString()!;
            return char.ToUpperInvariant(value[0]) + value[1..];
        }

        return name;
    }

    /// <summary>An answer filling every output member, with EC2's element names (locationName) and &lt;item&gt; lists.</summary>
    private string SampleXml(string operation, bool withNextToken)
    {
        XNamespace ns = $"http://ec2.amazonaws.com/doc/{model.Metadata.GetProperty("apiVersion").GetString()}/";
        var root = new XElement(ns + $"{operation}Response");
        // Deep enough for launch-template data (version set → data → interfaces → groups).
        new QueryXmlSampler(model, ns, maxDepth: 8, timestamp: "2024-05-01T10:00:00.000Z").FillStructure(root, model.Output(operation)!.Value);
        var token = root.Elements().FirstOrDefault(e => e.Name.LocalName == "nextToken");
        if (!withNextToken)
        {
            token?.Remove();
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static string Action(CapturedRequest request) =>
        Encoding.UTF8.GetString(request.Body).Split('&').Select(p => p.Split('=', 2)).First(p => p[0] == "Action")[1];

    private static Ec2Client NewClient(CapturingHandler handler) => new(new Ec2QueryProtocol(new AwsWireClient(
        AwsService.Ec2,
        "us-east-1",
        new StaticCredentialSource("AKIASIM100000000001", "secret"),
        new AwsClientOptions(new Uri("http://127.0.0.1:9"), RetryOptions.None, HttpClient: new HttpClient(handler)),
        Ec2XmlErrorParser.Instance)));
}
