using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Simulator.Scenarios;
using DrsOrchestrator.Tests.Common.Builders;

namespace DrsOrchestrator.Tests.Common.Engine;

/// <summary>Registers a simulator scenario's spoke accounts in the target-accounts table, as an operator would (POST /accounts).</summary>
public static class ScenarioAccounts
{
    /// <summary>
    /// Every account the scenario gives an external id, with the role the simulator trusts; the hub's own
    /// account has none and is used without registration.
    /// </summary>
    public static async Task RegisterAsync(ITargetAccountRepository accounts, SimulatorScenario fleet, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(fleet);
        foreach (var account in fleet.Accounts.Where(a => a.ExternalId is not null))
        {
            await accounts.CreateAsync(
                new TargetAccountBuilder()
                    .WithAccountId(account.AccountId)
                    .WithName(account.Name ?? account.AccountId)
                    .WithRoleArn($"arn:aws:iam::{account.AccountId}:role/{account.RoleName ?? "DrsOrchestratorCrossAccountRole"}")
                    .WithExternalId(account.ExternalId!)
                    .WithRegions([.. account.Regions.Select(r => r.Region)])
                    .At(at)
                    .Build(),
                CancellationToken.None);
        }
    }
}
