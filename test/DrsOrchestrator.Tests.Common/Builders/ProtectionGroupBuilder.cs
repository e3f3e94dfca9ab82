using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Tests.Common.Builders;

/// <summary>A valid protection group by default (two explicit servers in one account and region); change what a test is about.</summary>
public sealed class ProtectionGroupBuilder
{
    private readonly Dictionary<string, LaunchSettings> overrides = new(StringComparer.Ordinal);
    private string groupId = "pg-" + Guid.NewGuid().ToString("N")[..12];
    private string name = "Web tier";
    private string description = "";
    private string accountId = TestIds.AccountId(1);
    private string region = TestIds.Region;
    private ServerSelection selection = ServerSelection.Explicit(TestIds.SourceServerIds(2));
    private LaunchSettings launchSettings = LaunchSettings.Empty;
    private string actor = "builder@example.test";
    private DateTimeOffset now = TestIds.Epoch;

    public ProtectionGroupBuilder WithId(string value) { groupId = value; return this; }

    public ProtectionGroupBuilder WithName(string value) { name = value; return this; }

    public ProtectionGroupBuilder WithDescription(string value) { description = value; return this; }

    public ProtectionGroupBuilder InAccount(string value) { accountId = value; return this; }

    public ProtectionGroupBuilder InRegion(string value) { region = value; return this; }

    public ProtectionGroupBuilder WithServers(params string[] ids) { selection = ServerSelection.Explicit(ids); return this; }

    public ProtectionGroupBuilder WithServers(IEnumerable<string> ids) { selection = ServerSelection.Explicit(ids); return this; }

    public ProtectionGroupBuilder WithTags(params (string Key, string Value)[] tags)
    {
        selection = ServerSelection.ByTags(tags.Select(t => new TagCriterion(t.Key, t.Value)));
        return this;
    }

    public ProtectionGroupBuilder WithSelection(ServerSelection value) { selection = value; return this; }

    public ProtectionGroupBuilder WithLaunchSettings(LaunchSettings value) { launchSettings = value; return this; }

    public ProtectionGroupBuilder WithOverride(string sourceServerId, LaunchSettings value) { overrides[sourceServerId] = value; return this; }

    public ProtectionGroupBuilder By(string value) { actor = value; return this; }

    public ProtectionGroupBuilder At(DateTimeOffset value) { now = value; return this; }

    public ProtectionGroupDraft BuildDraft() => new()
    {
        Name = name,
        Description = description,
        AccountId = accountId,
        Region = region,
        Selection = selection,
        LaunchSettings = launchSettings,
        ServerOverrides = new Dictionary<string, LaunchSettings>(overrides, StringComparer.Ordinal),
    };

    /// <summary>Through <see cref="ProtectionGroup.Create"/>, so it throws if the test made the group invalid.</summary>
    public ProtectionGroup Build() => ProtectionGroup.Create(groupId, BuildDraft(), actor, now);
}
