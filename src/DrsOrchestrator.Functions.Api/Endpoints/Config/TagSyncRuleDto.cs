using DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

internal sealed record TagSyncRuleDto(IReadOnlyList<TagCriterionDto> Match, IReadOnlyDictionary<string, string> Apply);
