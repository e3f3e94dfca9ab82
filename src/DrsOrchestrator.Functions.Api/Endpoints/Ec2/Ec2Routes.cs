using DrsOrchestrator.Application.Common;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Ec2;
using DrsOrchestrator.Domain.Ports.Iam;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Functions.Api.Json;
using DrsOrchestrator.Functions.Api.Pipeline;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Functions.Api.Endpoints.Ec2;

/// <summary>
/// EC2 and IAM lookups for the launch settings forms, through the account's assumed role. Instance
/// profiles come from IAM's ListInstanceProfiles in the account (IAM is global, so the region only
/// scopes which protection groups are reported as using a profile).
/// </summary>
internal sealed class Ec2Routes : IRouteModule
{
    private static ApiJsonContext Json => ApiJsonContext.Default;

    public void Map(RouteRegistry routes)
    {
        routes.Bind("GET", "/ec2/subnets", Subnets, responseData: Json.Ec2Subnets);
        routes.Bind("GET", "/ec2/security-groups", SecurityGroups, responseData: Json.Ec2SecurityGroups);
        routes.Bind("GET", "/ec2/instance-profiles", InstanceProfiles, responseData: Json.Ec2InstanceProfiles);
        routes.Bind("GET", "/ec2/instance-types", InstanceTypes, responseData: Json.Ec2InstanceTypes);
        routes.Bind("GET", "/ec2/launch-templates", LaunchTemplates, responseData: Json.Ec2LaunchTemplates);
    }

    private static async Task<HandlerResult> Subnets(RouteContext context)
    {
        var items = await Client(context).DescribeSubnetsAsync(null, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(new Ec2Subnets(items), Json.Ec2Subnets);
    }

    private static async Task<HandlerResult> SecurityGroups(RouteContext context)
    {
        var client = Client(context);
        var vpcId = context.Query("vpcId", 32);
        if (vpcId is not null && !(vpcId.StartsWith("vpc-", StringComparison.Ordinal) && vpcId.Skip(4).All(char.IsAsciiLetterOrDigit)))
        {
            throw DomainException.BadRequest(ErrorCodes.InvalidField, "Query parameter 'vpcId' is not a VPC id.", new Dictionary<string, object?> { ["field"] = "vpcId" });
        }

        var items = await client.DescribeSecurityGroupsAsync(vpcId, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(new Ec2SecurityGroups(items), Json.Ec2SecurityGroups);
    }

    private static async Task<HandlerResult> InstanceTypes(RouteContext context)
    {
        var items = await Client(context).DescribeInstanceTypesAsync(null, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(new Ec2InstanceTypes(items), Json.Ec2InstanceTypes);
    }

    private static async Task<HandlerResult> LaunchTemplates(RouteContext context)
    {
        var items = await Client(context).DescribeLaunchTemplatesAsync(null, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(new Ec2LaunchTemplates(items), Json.Ec2LaunchTemplates);
    }

    private static async Task<HandlerResult> InstanceProfiles(RouteContext context)
    {
        var location = context.Location();
        var profiles = await context.Service<IIamClientFactory>().For(location.AccountId).ListInstanceProfilesAsync(context.CancellationToken).ConfigureAwait(false);
        var groups = await Pages.AllAsync<ProtectionGroup>(context.Service<IProtectionGroupRepository>().ListAsync, context.CancellationToken).ConfigureAwait(false);

        // A group may name a profile by name or by ARN; both count as using it.
        var uses = groups
            .Where(g => g.AccountId == location.AccountId && g.Region == location.Region)
            .SelectMany(g => new[] { g.LaunchSettings }.Concat(g.ServerOverrides.Values).Select(s => (s.InstanceProfile, g.GroupId)))
            .Where(x => x.InstanceProfile is not null)
            .ToList();
        var items = profiles
            .OrderBy(p => p.InstanceProfileName, StringComparer.Ordinal)
            .Select(p => new InstanceProfileView(
                p.InstanceProfileName,
                p.Arn,
                p.RoleNames.FirstOrDefault(),
                [.. uses.Where(u => u.InstanceProfile == p.InstanceProfileName || u.InstanceProfile == p.Arn).Select(u => u.GroupId).Distinct(StringComparer.Ordinal)]))
            .ToArray();
        return HandlerResult.Ok(new Ec2InstanceProfiles(items), Json.Ec2InstanceProfiles);
    }

    private static IEc2Client Client(RouteContext context)
    {
        var location = context.Location();
        return context.Service<IEc2ClientFactory>().For(location.AccountId, location.Region);
    }
}
