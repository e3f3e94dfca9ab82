namespace DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

internal sealed record TagCriterionDto(string Key, string Value);
