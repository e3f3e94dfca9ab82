using DrsOrchestrator.Application.Accounts;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Application.Configuration;

/// <summary>
/// Applies the tag sync rules to every registered account and region: a source server matching a rule's
/// criteria gets the rule's tags, so tag-based protection groups pick it up. Idempotent: servers that
/// already carry the tags are not written.
/// </summary>
public sealed class TagSyncService(SettingsService settings, TargetAccountService accounts, IDrsClientFactory drs, TimeProvider time)
{
    public async Task<TagSyncRun> RunAsync(string actor, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var rules = (await settings.GetTagSyncAsync(cancellationToken).ConfigureAwait(false)).Value.Rules;
        var locations = (await accounts.AllAsync(cancellationToken).ConfigureAwait(false))
            .SelectMany(a => a.Regions.Select(r => new AccountRegion(a.AccountId, r)))
            .ToList();
        var results = new List<TagSyncLocationResult>();
        foreach (var location in locations)
        {
            results.Add(await SyncAsync(location, rules, cancellationToken).ConfigureAwait(false));
        }

        var run = new TagSyncRun(actor, started, time.GetUtcNow(), results.All(r => r.Error is null && r.Failed == 0), results);
        await settings.RecordTagSyncRunAsync(run, cancellationToken).ConfigureAwait(false);
        return run;
    }

    private async Task<TagSyncLocationResult> SyncAsync(AccountRegion location, IReadOnlyList<TagSyncRule> rules, CancellationToken cancellationToken)
    {
        int scanned = 0, matched = 0, tagged = 0, failed = 0;
        var client = drs.For(location.AccountId, location.Region);
        try
        {
            await foreach (var server in client.DescribeAllSourceServersAsync(new DrsSourceServerQuery(), cancellationToken).ConfigureAwait(false))
            {
                scanned++;
                var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var rule in rules.Where(r => ServerSelection.ByTags(r.Match).Matches(server.Tags)))
                {
                    foreach (var (key, value) in rule.Apply)
                    {
                        wanted[key] = value;
                    }
                }

                if (wanted.Count == 0)
                {
                    continue;
                }

                matched++;
                var missing = wanted.Where(t => !server.Tags.TryGetValue(t.Key, out var v) || v != t.Value).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
                if (missing.Count == 0 || server.Arn is null)
                {
                    continue;
                }

                try
                {
                    await client.TagResourceAsync(server.Arn, missing, cancellationToken).ConfigureAwait(false);
                    tagged++;
                }
                catch (AwsServiceException)
                {
                    failed++;
                }
            }

            return new TagSyncLocationResult(location.AccountId, location.Region, scanned, matched, tagged, failed, null);
        }
        catch (Exception ex) when (ex is AwsServiceException or HttpRequestException or DomainException)
        {
            return new TagSyncLocationResult(location.AccountId, location.Region, scanned, matched, tagged, failed, ex.Message);
        }
    }
}
