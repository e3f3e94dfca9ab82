namespace DrsOrchestrator.Simulator.Scenarios;

/// <summary>A subnet of the region's VPC (DescribeSubnets).</summary>
public sealed record ScenarioSubnet
{
    public string SubnetId { get; init; } = "";

    public string AvailabilityZone { get; init; } = "";

    public string CidrBlock { get; init; } = "";

    /// <summary>Reported as the Name tag.</summary>
    public string? Name { get; init; }
}
