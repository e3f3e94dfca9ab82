namespace DrsOrchestrator.Domain.Ports.Ec2;

/// <summary>
/// The EC2 reads the console needs to pick launch settings (each follows EC2's NextToken to the end,
/// because these lists feed selection lists that must be complete), and the launch-template writes that
/// apply subnet, security groups, instance type and instance profile to DRS's per-server template.
/// </summary>
public interface IEc2Client
{
    Task<IReadOnlyList<Ec2Subnet>> DescribeSubnetsAsync(string? vpcId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ec2SecurityGroup>> DescribeSecurityGroupsAsync(string? vpcId, CancellationToken cancellationToken);

    /// <param name="instanceTypes">Null lists every instance type offered in the region.</param>
    Task<IReadOnlyList<Ec2InstanceType>> DescribeInstanceTypesAsync(IReadOnlyList<string>? instanceTypes, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ec2LaunchTemplate>> DescribeLaunchTemplatesAsync(IReadOnlyList<string>? launchTemplateIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ec2Instance>> DescribeInstancesAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken);

    /// <summary>DescribeLaunchTemplateVersions for the template's $Default version.</summary>
    Task<Ec2LaunchTemplateVersion> DescribeDefaultLaunchTemplateVersionAsync(string launchTemplateId, CancellationToken cancellationToken);

    /// <summary>CreateLaunchTemplateVersion from a source version, changing only the members the request sets.</summary>
    Task<Ec2CreatedLaunchTemplateVersion> CreateLaunchTemplateVersionAsync(Ec2NewLaunchTemplateVersion request, CancellationToken cancellationToken);

    /// <summary>ModifyLaunchTemplate: makes <paramref name="versionNumber"/> the version DRS launches with.</summary>
    Task SetDefaultLaunchTemplateVersionAsync(string launchTemplateId, long versionNumber, CancellationToken cancellationToken);
}
