using DrsOrchestrator.Application.Common;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Ec2;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Functions.Api.Json;
using DrsOrchestrator.Functions.Api.Pipeline;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Functions.Api.Endpoints.Ec2;

/// <summary>
/// EC2 lookups for the launch settings forms, through the account's assumed role.
/// </summary>
/// <remarks>
/// Instance profiles are IAM resources and the hub has no IAM client (AWSSDK.IdentityManagement is not
/// available to this build, and the spoke role is scoped to DRS and EC2). Until the EC2 port offers
/// DescribeIamInstanceProfileAssociations, the list holds the profile names the orchestrator's own
/// protection groups use in that account and region, and says so in <c>source</c>.
/// </remarks>
internal sealed class Ec2Routes : IRouteModule
{
    public const string InstanceProfileSource = "PROTECTION_GROUP_SETTINGS";

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
        var groups = await Pages.AllAsync<ProtectionGroup>(context.Service<IProtectionGroupRepository>().ListAsync, context.CancellationToken).ConfigureAwait(false);
        var items = groups
            .Where(g => g.AccountId == location.AccountId && g.Region == location.Region)
            .SelectMany(g => new[] { g.LaunchSettings }.Concat(g.ServerOverrides.Values).Select(s => (s.InstanceProfile, g.GroupId)))
            .Where(x => x.InstanceProfile is not null)
            .GroupBy(x => x.InstanceProfile!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new InstanceProfileView(g.Key, [.. g.Select(x => x.GroupId).Distinct(StringComparer.Ordinal)]))
            .ToArray();
        return HandlerResult.Ok(new Ec2InstanceProfiles(items, InstanceProfileSource), Json.Ec2InstanceProfiles);
    }

    private static IEc2Client Client(RouteContext context)
    {
        var location = context.Location();
        return context.Service<IEc2ClientFactory>().For(location.AccountId, location.Region);
    }
}
