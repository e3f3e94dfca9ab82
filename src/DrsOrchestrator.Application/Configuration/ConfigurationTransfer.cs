using DrsOrchestrator.Application.Common;
using DrsOrchestrator.Domain.Accounts;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Application.Configuration;

/// <summary>
/// Export and import of the whole configuration. Import adds what the file holds to the store and validates
/// every entity and every cross-reference (ids, names, server claims, plan-to-group references) before the
/// first write, so a bad file changes nothing. Writes go through the repositories in dependency order
/// (accounts, groups, plans), so imported groups and plans hold their references like any other.
/// </summary>
public sealed class ConfigurationTransfer(
    SettingsService settings,
    ITargetAccountRepository accounts,
    IProtectionGroupRepository groups,
    IRecoveryPlanRepository plans)
{
    public const string ImportSubject = "Configuration import";

    public async Task<ConfigurationSnapshot> ExportAsync(CancellationToken cancellationToken)
    {
        var current = await settings.GetSettingsAsync(cancellationToken).ConfigureAwait(false);
        var tagSync = await settings.GetTagSyncAsync(cancellationToken).ConfigureAwait(false);
        var allAccounts = await Pages.AllAsync<TargetAccount>(accounts.ListAsync, cancellationToken).ConfigureAwait(false);
        var allGroups = await Pages.AllAsync<ProtectionGroup>(groups.ListAsync, cancellationToken).ConfigureAwait(false);
        var allPlans = await Pages.AllAsync<RecoveryPlan>(plans.ListAsync, cancellationToken).ConfigureAwait(false);
        return new ConfigurationSnapshot(
            current.Value,
            tagSync.Value,
            [.. allAccounts.OrderBy(a => a.AccountId, StringComparer.Ordinal)],
            [.. allGroups.OrderBy(g => g.GroupId, StringComparer.Ordinal)],
            [.. allPlans.OrderBy(p => p.PlanId, StringComparer.Ordinal)]);
    }

    /// <exception cref="DomainException">Validation IMPORT_INVALID (details: errors, one per problem); nothing is written then.</exception>
    public async Task<ImportResult> ImportAsync(ConfigurationSnapshot snapshot, bool dryRun, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var problems = await ValidateAsync(snapshot, cancellationToken).ConfigureAwait(false);
        if (!problems.IsEmpty)
        {
            var first = problems.Items[0];
            throw DomainException.Validation(
                ErrorCodes.ImportInvalid,
                $"{ImportSubject} is invalid: {problems.Items.Count} problem(s), first {first.Field}: {first.Message}",
                new Dictionary<string, object?>(StringComparer.Ordinal) { [ValidationProblems.DetailsKey] = problems.Items.ToArray() });
        }

        if (dryRun)
        {
            return new ImportResult(true, snapshot.Accounts.Count, snapshot.ProtectionGroups.Count, snapshot.RecoveryPlans.Count, true, true);
        }

        foreach (var account in snapshot.Accounts)
        {
            await accounts.CreateAsync(account with { Version = 0 }, cancellationToken).ConfigureAwait(false);
        }

        foreach (var group in snapshot.ProtectionGroups)
        {
            await groups.CreateAsync(group with { Version = 0 }, cancellationToken).ConfigureAwait(false);
        }

        foreach (var plan in snapshot.RecoveryPlans)
        {
            await plans.CreateAsync(plan with { Version = 0 }, cancellationToken).ConfigureAwait(false);
        }

        var currentSettings = await settings.GetSettingsAsync(cancellationToken).ConfigureAwait(false);
        await settings.PutSettingsAsync(snapshot.Settings, currentSettings.Version, actor, cancellationToken).ConfigureAwait(false);
        var currentTagSync = await settings.GetTagSyncAsync(cancellationToken).ConfigureAwait(false);
        await settings.PutTagSyncAsync(snapshot.TagSync, currentTagSync.Version, actor, cancellationToken).ConfigureAwait(false);
        return new ImportResult(false, snapshot.Accounts.Count, snapshot.ProtectionGroups.Count, snapshot.RecoveryPlans.Count, true, true);
    }

    private async Task<ValidationProblems> ValidateAsync(ConfigurationSnapshot snapshot, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        problems.AddRange(Prefix("settings", SettingsService.Validate(snapshot.Settings).Items));
        problems.AddRange(Prefix("tagSync", SettingsService.Validate(snapshot.TagSync).Items));

        var storedAccounts = await Pages.AllAsync<TargetAccount>(accounts.ListAsync, cancellationToken).ConfigureAwait(false);
        var storedGroups = await Pages.AllAsync<ProtectionGroup>(groups.ListAsync, cancellationToken).ConfigureAwait(false);
        var storedPlans = await Pages.AllAsync<RecoveryPlan>(plans.ListAsync, cancellationToken).ConfigureAwait(false);

        var accountIds = storedAccounts.Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < snapshot.Accounts.Count; i++)
        {
            var a = snapshot.Accounts[i];
            var field = $"accounts[{i}]";
            problems.AddRange(Prefix(field, TargetAccount.Validate(new TargetAccountDraft { AccountId = a.AccountId, Name = a.Name, RoleArn = a.RoleArn, ExternalId = a.ExternalId, Regions = a.Regions })));
            if (!accountIds.Add(a.AccountId))
            {
                problems.Add(field + ".accountId", ErrorCodes.AccountExists, $"Account {a.AccountId} is already registered or listed twice.");
            }
        }

        var groupIds = storedGroups.Select(g => g.GroupId).ToHashSet(StringComparer.Ordinal);
        var groupNames = storedGroups.Select(g => g.Name.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var claimed = storedGroups.Where(g => g.Selection.Mode == ServerSelectionMode.SourceServerIds)
            .SelectMany(g => g.Selection.SourceServerIds.Select(id => (g.AccountId, g.Region, id)))
            .ToHashSet();
        for (var i = 0; i < snapshot.ProtectionGroups.Count; i++)
        {
            var g = snapshot.ProtectionGroups[i];
            var field = $"protectionGroups[{i}]";
            problems.AddRange(Prefix(field, ProtectionGroup.Validate(g.ToDraft())));
            if (string.IsNullOrWhiteSpace(g.GroupId) || !groupIds.Add(g.GroupId))
            {
                problems.Add(field + ".groupId", ErrorCodes.ImportInvalid, $"Protection group id '{g.GroupId}' is empty, already stored or listed twice.");
            }

            if (!groupNames.Add(g.Name.Trim()))
            {
                problems.Add(field + ".name", ErrorCodes.ProtectionGroupNameExists, $"Protection group name '{g.Name}' is already used.");
            }

            if (!accountIds.Contains(g.AccountId))
            {
                problems.Add(field + ".accountId", ErrorCodes.AccountNotFound, $"Account {g.AccountId} is neither registered nor in the file.");
            }

            if (g.Selection.Mode == ServerSelectionMode.SourceServerIds)
            {
                foreach (var id in g.Selection.SourceServerIds.Where(id => !claimed.Add((g.AccountId, g.Region, id))))
                {
                    problems.Add(field + ".selection", ErrorCodes.ServerConflict, $"Source server {id} already belongs to another protection group.");
                }
            }
        }

        var planIds = storedPlans.Select(p => p.PlanId).ToHashSet(StringComparer.Ordinal);
        var planNames = storedPlans.Select(p => p.Name.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < snapshot.RecoveryPlans.Count; i++)
        {
            var p = snapshot.RecoveryPlans[i];
            var field = $"recoveryPlans[{i}]";
            // Includes RecoveryPlanLimits.MaxProtectionGroups, which the repository would otherwise refuse
            // only after the groups before it were written.
            problems.AddRange(Prefix(field, RecoveryPlan.Validate(p.ToDraft(), groupIds)));

            if (string.IsNullOrWhiteSpace(p.PlanId) || !planIds.Add(p.PlanId))
            {
                problems.Add(field + ".planId", ErrorCodes.ImportInvalid, $"Recovery plan id '{p.PlanId}' is empty, already stored or listed twice.");
            }

            if (!planNames.Add(p.Name.Trim()))
            {
                problems.Add(field + ".name", ErrorCodes.PlanNameExists, $"Recovery plan name '{p.Name}' is already used.");
            }
        }

        return problems;
    }

    private static IEnumerable<ValidationProblem> Prefix(string prefix, IEnumerable<ValidationProblem> items) =>
        items.Select(p => p with { Field = prefix + "." + p.Field });
}
