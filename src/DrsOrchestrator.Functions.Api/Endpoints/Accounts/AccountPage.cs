using DrsOrchestrator.Domain.Accounts;

namespace DrsOrchestrator.Functions.Api.Endpoints.Accounts;

internal sealed record AccountPage(IReadOnlyList<TargetAccount> Items, string? NextToken);
