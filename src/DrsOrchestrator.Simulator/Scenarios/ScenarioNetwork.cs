namespace DrsOrchestrator.Simulator.Scenarios;

/// <summary>
/// The VPC EC2 reports for an account + region. Optional in scenario JSON: when absent the simulator
/// derives a stable VPC, three subnets and three security groups from the account and region.
/// </summary>
public sealed record ScenarioNetwork
{
    public string VpcId { get; init; } = "";

    public string CidrBlock { get; init; } = "10.0.0.0/16";

    public IReadOnlyList<ScenarioSubnet> Subnets { get; init; } = [];

    public IReadOnlyList<ScenarioSecurityGroup> SecurityGroups { get; init; } = [];
}
