namespace DrsOrchestrator.Functions.Api.Endpoints.Accounts;

/// <param name="Version">The version the caller read; a stale one gets 409 VERSION_CONFLICT.</param>
internal sealed record UpdateAccountRequest(long Version, string Name, string RoleArn, string ExternalId, IReadOnlyList<string> Regions);
