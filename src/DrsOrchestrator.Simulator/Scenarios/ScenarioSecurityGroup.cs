namespace DrsOrchestrator.Simulator.Scenarios;

/// <summary>A security group of the region's VPC (DescribeSecurityGroups).</summary>
public sealed record ScenarioSecurityGroup
{
    public string GroupId { get; init; } = "";

    public string GroupName { get; init; } = "";

    public string Description { get; init; } = "";
}
