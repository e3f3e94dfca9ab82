namespace DrsOrchestrator.Functions.Api.Endpoints.Accounts;

internal sealed record CreateAccountRequest(string AccountId, string Name, string RoleArn, string ExternalId, IReadOnlyList<string> Regions);
