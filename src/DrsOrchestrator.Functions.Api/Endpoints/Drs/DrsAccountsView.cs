namespace DrsOrchestrator.Functions.Api.Endpoints.Drs;

internal sealed record DrsAccountsView(IReadOnlyList<DrsAccountView> Accounts);
