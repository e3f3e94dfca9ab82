namespace DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

internal sealed record ResolveTagsRequest(string AccountId, string Region, IReadOnlyList<TagCriterionDto> TagCriteria);
