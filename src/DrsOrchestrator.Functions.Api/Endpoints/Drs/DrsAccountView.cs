using DrsOrchestrator.Domain.Accounts;

namespace DrsOrchestrator.Functions.Api.Endpoints.Drs;

internal sealed record DrsAccountView(string AccountId, string Name, IReadOnlyList<string> Regions, AccountValidation Validation);
