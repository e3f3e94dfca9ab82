namespace DrsOrchestrator.Simulator.Scenarios;

/// <summary>A fleet to simulate: accounts, their regions and the source servers replicating there.</summary>
public sealed record SimulatorScenario
{
    public string Name { get; init; } = "unnamed";

    public string? Description { get; init; }

    public IReadOnlyList<ScenarioAccount> Accounts { get; init; } = [];
}
