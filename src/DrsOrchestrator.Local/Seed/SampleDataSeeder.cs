using DrsOrchestrator.Domain.Accounts;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Simulator.Scenarios;

namespace DrsOrchestrator.Local.Seed;

/// <summary>
/// First-start data so a newcomer can run a drill at once: the simulated spoke accounts, one protection
/// group per tier of the sample's first application, and a three-wave plan (db, app, web). Idempotent by
/// name: a persistent store that already has them (or a user's edits of them) is left alone.
/// </summary>
internal sealed class SampleDataSeeder(
    ITargetAccountRepository accounts,
    IProtectionGroupRepository groups,
    IRecoveryPlanRepository plans,
    TimeProvider time)
{
    public const string Actor = "local-seed";
    public const string PlanName = "OrderPortal three-tier";

    private static readonly string[] Tiers = ["db", "app", "web"];

    public async Task<SeedResult> SeedAsync(SimulatorScenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var created = new List<string>();
        foreach (var account in scenario.Accounts)
        {
            if (await accounts.GetAsync(account.AccountId, cancellationToken).ConfigureAwait(false) is null)
            {
                var draft = new TargetAccountDraft
                {
                    AccountId = account.AccountId,
                    Name = account.Name ?? account.AccountId,
                    RoleArn = $"arn:aws:iam::{account.AccountId}:role/{account.RoleName ?? "DrsOrchestratorCrossAccountRole"}",
                    ExternalId = account.ExternalId ?? "",
                    Regions = [.. account.Regions.Select(r => r.Region)],
                };
                await accounts.CreateAsync(TargetAccount.Create(draft, Actor, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                created.Add($"account {account.AccountId}");
            }
        }

        var (application, location) = FirstApplication(scenario);
        var existingGroups = await ListAllAsync(groups.ListAsync, cancellationToken).ConfigureAwait(false);
        var tierGroups = new List<string>();
        foreach (var tier in Tiers)
        {
            var name = $"{application}-{tier}";
            var group = existingGroups.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));
            if (group is null)
            {
                var draft = new ProtectionGroupDraft
                {
                    Name = name,
                    Description = $"{application} {tier} tier (sample fleet, selected by tags).",
                    AccountId = location.AccountId,
                    Region = location.Region,
                    Selection = ServerSelection.ByTags([new TagCriterion("Application", application), new TagCriterion("Tier", tier)]),
                };
                group = await groups.CreateAsync(ProtectionGroup.Create("pg-" + Guid.NewGuid().ToString("N"), draft, Actor, time.GetUtcNow()), cancellationToken)
                    .ConfigureAwait(false);
                created.Add($"protection group {name}");
            }

            tierGroups.Add(group.GroupId);
        }

        var existingPlans = await ListAllAsync(plans.ListAsync, cancellationToken).ConfigureAwait(false);
        if (!existingPlans.Any(p => string.Equals(p.Name, PlanName, StringComparison.OrdinalIgnoreCase)))
        {
            var waves = new List<PlanWave>();
            string[] names = ["Database", "Application", "Web"];
            for (var i = 0; i < Tiers.Length; i++)
            {
                waves.Add(new PlanWave
                {
                    Name = names[i],
                    Description = $"{application} {Tiers[i]} tier",
                    ProtectionGroupIds = [tierGroups[i]],
                    DependsOn = i == 0 ? [] : [names[i - 1]],
                });
            }

            var draft = new RecoveryPlanDraft
            {
                Name = PlanName,
                Description = $"Sample plan: {application} database, then application, then web tier.",
                Waves = waves,
                RtoTargetMinutes = 60,
            };
            await plans.CreateAsync(RecoveryPlan.Create("plan-" + Guid.NewGuid().ToString("N"), draft, tierGroups.ToHashSet(StringComparer.Ordinal), Actor, time.GetUtcNow()), cancellationToken)
                .ConfigureAwait(false);
            created.Add($"recovery plan {PlanName}");
        }

        return new SeedResult(created);
    }

    private static (string Application, (string AccountId, string Region) Location) FirstApplication(SimulatorScenario scenario)
    {
        foreach (var account in scenario.Accounts)
        {
            foreach (var region in account.Regions)
            {
                foreach (var server in region.Servers)
                {
                    if (server.Tags is { } tags && tags.TryGetValue("Application", out var application)
                        && Tiers.All(t => region.Servers.Any(s => s.Tags is { } st && st.GetValueOrDefault("Application") == application && st.GetValueOrDefault("Tier") == t)))
                    {
                        return (application, (account.AccountId, region.Region));
                    }
                }
            }
        }

        throw new InvalidOperationException($"Scenario '{scenario.Name}' has no application with db, app and web tiers to seed.");
    }

    private static async Task<List<T>> ListAllAsync<T>(Func<PageRequest, CancellationToken, Task<Page<T>>> list, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        string? token = null;
        do
        {
            var page = await list(new PageRequest(PageRequest.MaxLimit, token), cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);
        return all;
    }
}
