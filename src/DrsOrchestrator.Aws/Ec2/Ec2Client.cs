using System.Globalization;
using System.Xml.Linq;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Ec2;

namespace DrsOrchestrator.Aws.Ec2;

internal sealed class Ec2Client(Ec2QueryProtocol protocol) : IEc2Client
{
    /// <summary>Guards against a service that keeps handing out tokens; 1,000 pages is far beyond any real list.</summary>
    private const int MaxPages = 1000;

    /// <summary>DeleteLaunchTemplateVersions' per-version code for a version that does not exist (LaunchTemplateErrorCode).</summary>
    private const string VersionAlreadyGone = "launchTemplateVersionDoesNotExist";

    public Task<IReadOnlyList<Ec2Subnet>> DescribeSubnetsAsync(string? vpcId, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        if (vpcId is not null)
        {
            Ec2QueryProtocol.AddFilter(parameters, "vpc-id", vpcId);
        }

        return ListAsync("DescribeSubnets", parameters, "subnetSet", s => new Ec2Subnet(
            s.Text("subnetId") ?? string.Empty, s.Text("vpcId"), s.Text("availabilityZone"), s.Text("cidrBlock"), s.Tags().GetValueOrDefault("Name")), cancellationToken);
    }

    public Task<IReadOnlyList<Ec2SecurityGroup>> DescribeSecurityGroupsAsync(string? vpcId, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        if (vpcId is not null)
        {
            Ec2QueryProtocol.AddFilter(parameters, "vpc-id", vpcId);
        }

        return ListAsync("DescribeSecurityGroups", parameters, "securityGroupInfo", g => new Ec2SecurityGroup(
            g.Text("groupId") ?? string.Empty, g.Text("groupName"), g.Text("vpcId"), g.Text("groupDescription")), cancellationToken);
    }

    public Task<IReadOnlyList<Ec2InstanceType>> DescribeInstanceTypesAsync(IReadOnlyList<string>? instanceTypes, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        Ec2QueryProtocol.AddList(parameters, "InstanceType", instanceTypes);
        return ListAsync("DescribeInstanceTypes", parameters, "instanceTypeSet", t => new Ec2InstanceType(
            t.Text("instanceType") ?? string.Empty, (int?)t.Child("vCpuInfo").Long("defaultVCpus"), t.Child("memoryInfo").Long("sizeInMiB")), cancellationToken);
    }

    public Task<IReadOnlyList<Ec2LaunchTemplate>> DescribeLaunchTemplatesAsync(IReadOnlyList<string>? launchTemplateIds, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        Ec2QueryProtocol.AddList(parameters, "LaunchTemplateId", launchTemplateIds);
        return ListAsync("DescribeLaunchTemplates", parameters, "launchTemplates", t => new Ec2LaunchTemplate(
            t.Text("launchTemplateId") ?? string.Empty, t.Text("launchTemplateName"), t.Long("defaultVersionNumber"), t.Long("latestVersionNumber")), cancellationToken);
    }

    public async Task<IReadOnlyList<Ec2Instance>> DescribeInstancesAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
    {
        if (instanceIds.Count == 0)
        {
            // An empty id list would describe every instance in the account.
            return [];
        }

        var parameters = new List<KeyValuePair<string, string>>();
        Ec2QueryProtocol.AddList(parameters, "InstanceId", instanceIds);
        var reservations = await ListAsync("DescribeInstances", parameters, "reservationSet", r => r, cancellationToken).ConfigureAwait(false);
        return reservations
            .SelectMany(r => r.Items("instancesSet"))
            .Select(i => new Ec2Instance(
                i.Text("instanceId") ?? string.Empty,
                i.Child("instanceState").Text("name"),
                i.Text("instanceType"),
                i.Text("privateIpAddress"),
                i.Text("subnetId"),
                i.Tags()))
            .ToList();
    }

    public async Task<Ec2LaunchTemplateVersion> DescribeDefaultLaunchTemplateVersionAsync(string launchTemplateId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(launchTemplateId);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("LaunchTemplateId", launchTemplateId),
            new("LaunchTemplateVersion.1", "$Default"),
        };
        var root = await protocol.InvokeAsync("DescribeLaunchTemplateVersions", parameters, cancellationToken).ConfigureAwait(false);
        var version = root.Items("launchTemplateVersionSet").FirstOrDefault()
            ?? throw new AwsResourceNotFoundException("ec2", "InvalidLaunchTemplateId.VersionNotFound", 400, $"ec2 InvalidLaunchTemplateId.VersionNotFound: launch template {launchTemplateId} has no default version.");
        return ReadVersion(version, launchTemplateId);
    }

    public async Task<Ec2CreatedLaunchTemplateVersion> CreateLaunchTemplateVersionAsync(Ec2NewLaunchTemplateVersion request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("LaunchTemplateId", request.LaunchTemplateId),
            new("SourceVersion", request.SourceVersion.ToString(CultureInfo.InvariantCulture)),
            new("ClientToken", request.ClientToken),
        };
        AddIfSet(parameters, "VersionDescription", request.VersionDescription);
        AddIfSet(parameters, "LaunchTemplateData.InstanceType", request.InstanceType);
        if (request.IamInstanceProfile is { } profile)
        {
            AddIfSet(parameters, "LaunchTemplateData.IamInstanceProfile.Arn", profile.Arn);
            AddIfSet(parameters, "LaunchTemplateData.IamInstanceProfile.Name", profile.Name);
        }

        for (var i = 0; request.NetworkInterfaces is { } interfaces && i < interfaces.Count; i++)
        {
            var prefix = $"LaunchTemplateData.NetworkInterface.{i + 1}.";
            var nic = interfaces[i];
            AddIfSet(parameters, prefix + "DeviceIndex", nic.DeviceIndex?.ToString(CultureInfo.InvariantCulture));
            AddIfSet(parameters, prefix + "NetworkInterfaceId", nic.NetworkInterfaceId);
            AddIfSet(parameters, prefix + "SubnetId", nic.SubnetId);
            Ec2QueryProtocol.AddList(parameters, prefix + "SecurityGroupId", nic.Groups);
            AddIfSet(parameters, prefix + "AssociatePublicIpAddress", Bool(nic.AssociatePublicIpAddress));
            AddIfSet(parameters, prefix + "DeleteOnTermination", Bool(nic.DeleteOnTermination));
            AddIfSet(parameters, prefix + "PrivateIpAddress", nic.PrivateIpAddress);
            AddIfSet(parameters, prefix + "Description", nic.Description);
        }

        var root = await protocol.InvokeAsync("CreateLaunchTemplateVersion", parameters, cancellationToken).ConfigureAwait(false);
        var version = root.Child("launchTemplateVersion");
        var warnings = root.Child("warning").Items("errorSet")
            .Select(e => new Ec2ValidationError(e.Text("code") ?? "Unknown", e.Text("message") ?? string.Empty))
            .ToList();
        return new Ec2CreatedLaunchTemplateVersion(
            version.Text("launchTemplateId") ?? request.LaunchTemplateId,
            version.Long("versionNumber") ?? throw new FormatException("CreateLaunchTemplateVersion returned no version number."),
            warnings);
    }

    public async Task SetDefaultLaunchTemplateVersionAsync(string launchTemplateId, long versionNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(launchTemplateId);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("LaunchTemplateId", launchTemplateId),
            new("SetDefaultVersion", versionNumber.ToString(CultureInfo.InvariantCulture)),
        };
        await protocol.InvokeAsync("ModifyLaunchTemplate", parameters, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteLaunchTemplateVersionAsync(string launchTemplateId, long versionNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(launchTemplateId);
        var version = versionNumber.ToString(CultureInfo.InvariantCulture);
        var parameters = new List<KeyValuePair<string, string>> { new("LaunchTemplateId", launchTemplateId) };
        Ec2QueryProtocol.AddList(parameters, "LaunchTemplateVersion", [version]);
        var root = await protocol.InvokeAsync("DeleteLaunchTemplateVersions", parameters, cancellationToken).ConfigureAwait(false);

        // EC2 answers 200 and lists each version it could not delete with its own error code.
        var failure = root.Items("unsuccessfullyDeletedLaunchTemplateVersionSet")
            .FirstOrDefault(i => i.Long("versionNumber") is not { } n || n == versionNumber);
        if (failure is null)
        {
            return;
        }

        var error = failure.Child("responseError");
        var code = error.Text("code") ?? "unexpectedError";
        if (code == VersionAlreadyGone)
        {
            return;
        }

        var message = $"ec2 {code}: launch template {launchTemplateId} version {version} was not deleted: {error.Text("message")}";

        // unexpectedError is EC2 failing, not refusing: a retry may succeed.
        throw code == "unexpectedError"
            ? new AwsInternalServerException("ec2", code, 500, message)
            : new AwsValidationException("ec2", code, 400, message);
    }

    private static Ec2LaunchTemplateVersion ReadVersion(XElement version, string launchTemplateId)
    {
        var data = version.Child("launchTemplateData");
        var profile = data.Child("iamInstanceProfile");
        return new Ec2LaunchTemplateVersion(
            version.Text("launchTemplateId") ?? launchTemplateId,
            version.Long("versionNumber") ?? throw new FormatException("DescribeLaunchTemplateVersions returned a version without a number."),
            version.Bool("defaultVersion") ?? false,
            new Ec2LaunchTemplateData(
                data.Text("instanceType"),
                profile is null ? null : new Ec2IamInstanceProfile(profile.Text("arn"), profile.Text("name")),
                [.. data.Items("networkInterfaceSet").Select(n => new Ec2LaunchTemplateNetworkInterface
                {
                    DeviceIndex = (int?)n.Long("deviceIndex"),
                    SubnetId = n.Text("subnetId"),
                    // Launch-template groupSet lists bare <groupId> elements, not <item>s.
                    Groups = [.. n.Members("groupSet", "groupId").Select(g => g.Value)],
                    AssociatePublicIpAddress = n.Bool("associatePublicIpAddress"),
                    DeleteOnTermination = n.Bool("deleteOnTermination"),
                    PrivateIpAddress = n.Text("privateIpAddress"),
                    Description = n.Text("description"),
                    NetworkInterfaceId = n.Text("networkInterfaceId"),
                })]));
    }

    private static void AddIfSet(List<KeyValuePair<string, string>> parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(new(name, value));
        }
    }

    private static string? Bool(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    private async Task<IReadOnlyList<T>> ListAsync<T>(
        string action, List<KeyValuePair<string, string>> parameters, string listName, Func<XElement, T> map, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        string? nextToken = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var pageParameters = nextToken is null ? parameters : [.. parameters, new("NextToken", nextToken)];
            var root = await protocol.InvokeAsync(action, pageParameters, cancellationToken).ConfigureAwait(false);
            results.AddRange(root.Items(listName).Select(map));
            nextToken = root.Text("nextToken");
            if (string.IsNullOrEmpty(nextToken))
            {
                return results;
            }
        }

        throw new InvalidOperationException($"{action} returned more than {MaxPages} pages.");
    }
}
