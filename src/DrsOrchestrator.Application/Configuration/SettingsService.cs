using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrsOrchestrator.Application.Common;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Application.Configuration;

/// <summary>Settings documents with defaults until first saved, validated before every write.</summary>
public sealed class SettingsService(ISettingsRepository repository, TimeProvider time)
{
    public const string SettingsKey = "app-settings";
    public const string TagSyncKey = "tag-sync";
    /// <summary>The run slot and the last finished run (<see cref="TagSyncState"/>).</summary>
    public const string TagSyncStateKey = "tag-sync-state";

    public Task<Versioned<OrchestratorSettings>> GetSettingsAsync(CancellationToken cancellationToken) =>
        GetAsync(SettingsKey, ConfigurationJsonContext.Default.OrchestratorSettings, OrchestratorSettings.Default, cancellationToken);

    /// <exception cref="DomainException">Validation; Conflict VERSION_CONFLICT.</exception>
    public Task<Versioned<OrchestratorSettings>> PutSettingsAsync(OrchestratorSettings settings, long expectedVersion, string actor, CancellationToken cancellationToken)
    {
        Validate(settings).ThrowIfAny("Settings");
        return SaveAsync(SettingsKey, settings, ConfigurationJsonContext.Default.OrchestratorSettings, expectedVersion, actor, cancellationToken);
    }

    public Task<Versioned<TagSyncSettings>> GetTagSyncAsync(CancellationToken cancellationToken) =>
        GetAsync(TagSyncKey, ConfigurationJsonContext.Default.TagSyncSettings, TagSyncSettings.Default, cancellationToken);

    /// <exception cref="DomainException">Validation; Conflict VERSION_CONFLICT.</exception>
    public Task<Versioned<TagSyncSettings>> PutTagSyncAsync(TagSyncSettings settings, long expectedVersion, string actor, CancellationToken cancellationToken)
    {
        Validate(settings).ThrowIfAny("Tag sync settings");
        return SaveAsync(TagSyncKey, settings, ConfigurationJsonContext.Default.TagSyncSettings, expectedVersion, actor, cancellationToken);
    }

    public Task<Versioned<TagSyncState>> GetTagSyncStateAsync(CancellationToken cancellationToken) =>
        GetAsync(TagSyncStateKey, ConfigurationJsonContext.Default.TagSyncState, TagSyncState.Empty, cancellationToken);

    public async Task<TagSyncRun?> GetLastTagSyncRunAsync(CancellationToken cancellationToken) =>
        (await GetTagSyncStateAsync(cancellationToken).ConfigureAwait(false)).Value.LastRun;

    /// <summary>Writes the tag sync state if it is still at <paramref name="expectedVersion"/>.</summary>
    /// <returns>False when another writer changed it first (nothing written).</returns>
    public async Task<bool> TrySaveTagSyncStateAsync(TagSyncState state, long expectedVersion, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var document = new SettingsDocument(TagSyncStateKey, JsonSerializer.Serialize(state, ConfigurationJsonContext.Default.TagSyncState), expectedVersion, actor, time.GetUtcNow());
        try
        {
            await repository.SaveAsync(document, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DomainException ex) when (ex.Code == ErrorCodes.VersionConflict)
        {
            return false;
        }
    }

    public static ValidationProblems Validate(OrchestratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new ValidationProblems();
        if (settings.DefaultRegion is { } region && !AwsIdentifiers.IsRegion(region))
        {
            problems.Add("defaultRegion", ErrorCodes.InvalidRegion, $"'{region}' is not an AWS region name.");
        }

        if (settings.ExecutionHistoryRetentionDays is < OrchestratorSettings.MinRetentionDays or > OrchestratorSettings.MaxRetentionDays)
        {
            problems.Add("executionHistoryRetentionDays", ErrorCodes.InvalidField, $"executionHistoryRetentionDays must be between {OrchestratorSettings.MinRetentionDays} and {OrchestratorSettings.MaxRetentionDays}.");
        }

        if (settings.NotificationEmail is { } email && (email.Length > 254 || email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Any(char.IsWhiteSpace)))
        {
            problems.Add("notificationEmail", ErrorCodes.InvalidField, "notificationEmail is not an e-mail address.");
        }

        return problems;
    }

    public static ValidationProblems Validate(TagSyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new ValidationProblems();
        if (settings.IntervalHours is < TagSyncSettings.MinIntervalHours or > TagSyncSettings.MaxIntervalHours)
        {
            problems.Add("intervalHours", ErrorCodes.InvalidField, $"intervalHours must be between {TagSyncSettings.MinIntervalHours} and {TagSyncSettings.MaxIntervalHours}.");
        }

        if (settings.Rules.Count > TagSyncSettings.MaxRules)
        {
            problems.Add("rules", ErrorCodes.LimitExceeded, $"At most {TagSyncSettings.MaxRules} rules are allowed.");
        }

        for (var i = 0; i < settings.Rules.Count; i++)
        {
            var rule = settings.Rules[i];
            if (rule.Match.Count == 0)
            {
                problems.Add($"rules[{i}].match", ErrorCodes.InvalidTagCriteria, "A rule needs at least one tag to match.");
            }

            if (rule.Apply.Count == 0)
            {
                problems.Add($"rules[{i}].apply", ErrorCodes.InvalidTagCriteria, "A rule needs at least one tag to apply.");
            }

            foreach (var key in rule.Match.Select(m => m.Key).Concat(rule.Apply.Keys))
            {
                if (key.Length is 0 or > 128 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"rules[{i}]", ErrorCodes.InvalidTagCriteria, $"Tag key '{key}' must be 1 to 128 characters and not under 'aws:'.");
                }
            }

            foreach (var value in rule.Match.Select(m => m.Value).Concat(rule.Apply.Values))
            {
                if (value.Length > 256)
                {
                    problems.Add($"rules[{i}]", ErrorCodes.InvalidTagCriteria, "A tag value is at most 256 characters.");
                }
            }
        }

        return problems;
    }

    private async Task<Versioned<T>> GetAsync<T>(string key, JsonTypeInfo<T> typeInfo, T defaults, CancellationToken cancellationToken)
    {
        var stored = await repository.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? new Versioned<T>(defaults, 0, null, null)
            : new Versioned<T>(JsonSerializer.Deserialize(stored.Json, typeInfo)!, stored.Version, stored.UpdatedBy, stored.UpdatedAt);
    }

    private async Task<Versioned<T>> SaveAsync<T>(string key, T value, JsonTypeInfo<T> typeInfo, long expectedVersion, string actor, CancellationToken cancellationToken)
    {
        var stored = await repository.GetAsync(key, cancellationToken).ConfigureAwait(false);
        Versions.Ensure($"Settings '{key}'", stored?.Version ?? 0, expectedVersion);
        var saved = await repository.SaveAsync(new SettingsDocument(key, JsonSerializer.Serialize(value, typeInfo), expectedVersion, actor, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return new Versioned<T>(value, saved.Version, saved.UpdatedBy, saved.UpdatedAt);
    }
}
