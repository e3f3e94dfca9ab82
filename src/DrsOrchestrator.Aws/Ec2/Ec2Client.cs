using System.Xml.Linq;
using DrsOrchestrator.Domain.Ports.Ec2;

namespace DrsOrchestrator.Aws.Ec2;

internal sealed class Ec2Client(Ec2QueryProtocol protocol) : IEc2Client
{
    /// <summary>Guards against a service that keeps handing out tokens; 1,000 pages is far beyond any real list.</summary>
    private const int MaxPages = 1000;

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
