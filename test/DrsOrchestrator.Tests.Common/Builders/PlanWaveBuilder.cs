using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Tests.Common.Builders;

public sealed class PlanWaveBuilder(string name)
{
    private readonly List<string> groups = [];
    private readonly List<string> dependsOn = [];
    private readonly Dictionary<string, ServerCriticality> criticality = new(StringComparer.Ordinal);
    private string waveName = name;
    private bool pauseBefore;
    private ServerCriticality defaultCriticality = ServerCriticality.Critical;

    public PlanWaveBuilder Named(string value) { waveName = value; return this; }

    public PlanWaveBuilder WithGroups(params string[] groupIds) { groups.AddRange(groupIds); return this; }

    public PlanWaveBuilder PausingBefore(bool value = true) { pauseBefore = value; return this; }

    public PlanWaveBuilder DependingOn(params string[] waveNames) { dependsOn.AddRange(waveNames); return this; }

    public PlanWaveBuilder WithDefaultCriticality(ServerCriticality value) { defaultCriticality = value; return this; }

    public PlanWaveBuilder WithCriticality(string sourceServerId, ServerCriticality value) { criticality[sourceServerId] = value; return this; }

    public PlanWave Build() => new()
    {
        Name = waveName,
        ProtectionGroupIds = [.. groups],
        PauseBefore = pauseBefore,
        DependsOn = [.. dependsOn],
        DefaultCriticality = defaultCriticality,
        CriticalityOverrides = new Dictionary<string, ServerCriticality>(criticality, StringComparer.Ordinal),
    };
}
