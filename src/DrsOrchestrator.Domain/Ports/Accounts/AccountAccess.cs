namespace DrsOrchestrator.Domain.Ports.Accounts;

/// <summary>How the hub reaches an account.</summary>
/// <param name="RoleArn">The role to assume in the account; null only for the hub's own account.</param>
/// <param name="ExternalId">The external id the role's trust policy requires.</param>
public sealed record AccountAccess(string AccountId, string? RoleArn, string? ExternalId);
