using DrsOrchestrator.Domain.Accounts;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Application.Configuration;

/// <summary>The whole configuration: what export writes and import reads. Executions are history, not configuration.</summary>
public sealed record ConfigurationSnapshot(
    OrchestratorSettings Settings,
    TagSyncSettings TagSync,
    IReadOnlyList<TargetAccount> Accounts,
    IReadOnlyList<ProtectionGroup> ProtectionGroups,
    IReadOnlyList<RecoveryPlan> RecoveryPlans);
