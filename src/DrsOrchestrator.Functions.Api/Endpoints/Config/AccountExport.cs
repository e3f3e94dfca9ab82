namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

internal sealed record AccountExport(
    string AccountId,
    string Name,
    string RoleArn,
    string ExternalId,
    IReadOnlyList<string> Regions,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string UpdatedBy,
    DateTimeOffset UpdatedAt);
