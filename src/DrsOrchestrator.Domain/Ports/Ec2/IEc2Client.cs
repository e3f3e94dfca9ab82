namespace DrsOrchestrator.Domain.Ports.Ec2;

/// <summary>
/// The EC2 reads the console needs to pick launch settings. Each call follows EC2's NextToken to the
/// end, because these lists feed selection lists that must be complete.
/// </summary>
public interface IEc2Client
{
    Task<IReadOnlyList<Ec2Subnet>> DescribeSubnetsAsync(string? vpcId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ec2SecurityGroup>> DescribeSecurityGroupsAsync(string? vpcId, CancellationToken cancellationToken);

    /// <param name="instanceTypes">Null lists every instance type offered in the region.</param>
    Task<IReadOnlyList<Ec2InstanceType>> DescribeInstanceTypesAsync(IReadOnlyList<string>? instanceTypes, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ec2LaunchTemplate>> DescribeLaunchTemplatesAsync(IReadOnlyList<string>? launchTemplateIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ec2Instance>> DescribeInstancesAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken);
}
