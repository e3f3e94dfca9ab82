namespace DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

/// <param name="Mode">SOURCE_SERVER_IDS | TAGS.</param>
internal sealed record ServerSelectionDto(string Mode, IReadOnlyList<string>? SourceServerIds = null, IReadOnlyList<TagCriterionDto>? TagCriteria = null);
