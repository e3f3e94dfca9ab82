namespace DrsOrchestrator.Domain.RecoveryPlans;

/// <summary>One wave of a recovery plan. Waves run in list order; <see cref="DependsOn"/> names earlier waves.</summary>
public sealed record PlanWave
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required IReadOnlyList<string> ProtectionGroupIds { get; init; }

    /// <summary>
    /// Wait for an operator's resume before this wave starts. Not allowed on the first wave: a plan
    /// that paused before doing anything would look like a hung execution. An operator who wants that
    /// asks for it per run (<c>ExecutionOptions.PauseBeforeFirstWave</c>).
    /// </summary>
    public bool PauseBefore { get; init; }

    /// <summary>Names of earlier waves that must have ended COMPLETED or PARTIAL before this one starts.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public ServerCriticality DefaultCriticality { get; init; } = ServerCriticality.Critical;

    /// <summary>Per-server exceptions to <see cref="DefaultCriticality"/>, keyed by source server ID.</summary>
    public IReadOnlyDictionary<string, ServerCriticality> CriticalityOverrides { get; init; } = new Dictionary<string, ServerCriticality>();

    public ServerCriticality CriticalityOf(string sourceServerId) =>
        CriticalityOverrides.TryGetValue(sourceServerId, out var c) ? c : DefaultCriticality;
}
