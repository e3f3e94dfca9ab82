using System.Net;

namespace DrsOrchestrator.Local.Hosting;

/// <summary>How to run the local twin. Every default is what `./dev start` needs.</summary>
public sealed record LocalHostOptions
{
    public const int DefaultPort = 8080;

    /// <summary>Must be loopback: local sign-in hands out any role to anyone who can reach it.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Persistent DynamoDB Local store; null keeps data in memory for this run only.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Virtual seconds per real second for the simulator, workflow waits, the finder and the tag sync schedule: 60 runs a 20-minute drill in about 20 s.</summary>
    public double TimeScale { get; init; } = 60;

    /// <summary>The built console; null means frontend/dist under the repository root.</summary>
    public string? ConsoleDirectory { get; init; }

    /// <summary>Add the sample accounts, protection groups and plan when they are missing.</summary>
    public bool Seed { get; init; } = true;

    /// <summary>The simulator's fleet, by sample name.</summary>
    public string Scenario { get; init; } = Simulator.Scenarios.ScenarioLoader.ThreeTierSample;

    /// <summary>The simulated region the hub "runs in" (API, workflow and events).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The hub's simulated account: not a DRS account in the scenario, so every DRS call goes through AssumeRole.</summary>
    public string HubAccountId { get; init; } = "100000000001";
}
