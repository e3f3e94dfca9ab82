namespace DrsOrchestrator.Domain.Ports.Ec2;

/// <summary>
/// The EC2 reads the console needs to pick launch settings (each follows EC2's NextToken to the end,
/// because these lists feed selection lists that must be complete), and the launch-template writes that
/// apply subnet, security groups, instance type and instance profile to DRS's per-server template (and
/// remove a version EC2 accepted only with warnings).
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

    /// <summary>
    /// DeleteLaunchTemplateVersions for one version that must not stay behind (EC2 created it with
    /// warnings). A version that is already gone counts as deleted, so a retry succeeds.
    /// </summary>
    /// <exception cref="Drs.AwsServiceException">EC2 refused the call or reported the version as not deleted (its per-version error code).</exception>
    Task DeleteLaunchTemplateVersionAsync(string launchTemplateId, long versionNumber, CancellationToken cancellationToken);
}
