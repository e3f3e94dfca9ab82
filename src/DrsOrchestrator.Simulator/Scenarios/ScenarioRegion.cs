namespace DrsOrchestrator.Simulator.Scenarios;

/// <summary>A region where DRS is initialised for an account, with the servers replicating into it.</summary>
public sealed record ScenarioRegion
{
    public string Region { get; init; } = "";

    public IReadOnlyList<ScenarioServer> Servers { get; init; } = [];

    /// <summary>The region's VPC as EC2 reports it; generated from the account and region when null.</summary>
    public ScenarioNetwork? Network { get; init; }
}
