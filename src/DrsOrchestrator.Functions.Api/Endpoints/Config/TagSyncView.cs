using DrsOrchestrator.Application.Configuration;

namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

internal sealed record TagSyncView(TagSyncDto Settings, long Version, string? UpdatedBy, DateTimeOffset? UpdatedAt, TagSyncRun? LastRun);
