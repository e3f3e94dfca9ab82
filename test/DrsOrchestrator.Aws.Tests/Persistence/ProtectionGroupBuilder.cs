using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Aws.Tests.Persistence;

internal sealed class ProtectionGroupBuilder
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private string _id = TestIds.Group();
    private string _name = "group-" + Guid.NewGuid().ToString("N")[..8];
    private string _accountId = "111122223333";
    private string _region = "us-east-1";
    private ServerSelection _selection = ServerSelection.Explicit([TestIds.SourceServer()]);
    private LaunchSettings _launchSettings = LaunchSettings.Empty;
    private Dictionary<string, LaunchSettings> _overrides = [];

    public ProtectionGroupBuilder WithId(string id) { _id = id; return this; }

    public ProtectionGroupBuilder WithName(string name) { _name = name; return this; }

    public ProtectionGroupBuilder InAccount(string accountId, string region) { _accountId = accountId; _region = region; return this; }

    public ProtectionGroupBuilder WithServers(params string[] serverIds) { _selection = ServerSelection.Explicit(serverIds); return this; }

    public ProtectionGroupBuilder WithTags(params (string Key, string Value)[] tags)
    {
        _selection = ServerSelection.ByTags(tags.Select(t => new TagCriterion(t.Key, t.Value)));
        return this;
    }

    public ProtectionGroupBuilder WithLaunchSettings(LaunchSettings settings) { _launchSettings = settings; return this; }

    public ProtectionGroupBuilder WithOverride(string serverId, LaunchSettings settings) { _overrides[serverId] = settings; return this; }

    public ProtectionGroup Build() => ProtectionGroup.Create(
        _id,
        new ProtectionGroupDraft
        {
            Name = _name,
            Description = "built by a test",
            AccountId = _accountId,
            Region = _region,
            Selection = _selection,
            LaunchSettings = _launchSettings,
            ServerOverrides = _overrides,
        },
        "tester@example.test",
        Now);
}
