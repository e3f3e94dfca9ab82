namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

internal sealed record TagSyncDto(bool Enabled, int IntervalHours, IReadOnlyList<TagSyncRuleDto> Rules);
