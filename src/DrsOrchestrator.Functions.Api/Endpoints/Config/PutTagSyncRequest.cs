namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

internal sealed record PutTagSyncRequest(long Version, TagSyncDto Settings);
