namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

internal sealed record SettingsDto(int ExecutionHistoryRetentionDays, string? DefaultRegion = null, string? NotificationEmail = null);
