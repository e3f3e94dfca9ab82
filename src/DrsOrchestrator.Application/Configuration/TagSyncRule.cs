using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Application.Configuration;

/// <summary>Source servers carrying every <paramref name="Match"/> tag get the <paramref name="Apply"/> tags.</summary>
public sealed record TagSyncRule(IReadOnlyList<TagCriterion> Match, IReadOnlyDictionary<string, string> Apply);
