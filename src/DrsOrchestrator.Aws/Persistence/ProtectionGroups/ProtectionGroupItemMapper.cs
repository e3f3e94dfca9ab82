using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Aws.Persistence.ProtectionGroups;

/// <summary>The one place a <see cref="ProtectionGroup"/> becomes a DynamoDB item and back.</summary>
internal static class ProtectionGroupItemMapper
{
    public const string GroupId = "groupId";
    public const string Version = "version";

    public static Dictionary<string, AttributeValue> ToItem(ProtectionGroup group, long version)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [GroupId] = Attr.S(group.GroupId),
            ["name"] = Attr.S(group.Name),
            ["description"] = Attr.S(group.Description),
            ["accountId"] = Attr.S(group.AccountId),
            ["region"] = Attr.S(group.Region),
            ["selectionMode"] = Attr.S(group.Selection.Mode.ToString()),
            ["sourceServerIds"] = Attr.Strings(group.Selection.SourceServerIds),
            ["tagCriteria"] = Attr.List(group.Selection.TagCriteria.Select(c => Attr.Map(new() { ["key"] = Attr.S(c.Key), ["value"] = Attr.S(c.Value) }))),
            ["launchSettings"] = Attr.Map(LaunchSettingsMapper.ToMap(group.LaunchSettings)),
            ["serverOverrides"] = Attr.Map(group.ServerOverrides.ToDictionary(p => p.Key, p => Attr.Map(LaunchSettingsMapper.ToMap(p.Value)))),
            ["createdBy"] = Attr.S(group.CreatedBy),
            ["createdAt"] = Attr.Time(group.CreatedAt),
            ["updatedBy"] = Attr.S(group.UpdatedBy),
            ["updatedAt"] = Attr.Time(group.UpdatedAt),
            [Version] = Attr.N(version),
        };
        return item;
    }

    public static ProtectionGroup FromItem(Dictionary<string, AttributeValue> item) => new()
    {
        GroupId = item.GetS(GroupId),
        Name = item.GetS("name"),
        Description = item.GetSOrNull("description") ?? "",
        AccountId = item.GetS("accountId"),
        Region = item.GetS("region"),
        Selection = new ServerSelection
        {
            Mode = item.GetEnum<ServerSelectionMode>("selectionMode"),
            SourceServerIds = item.GetStrings("sourceServerIds"),
            TagCriteria = item.GetListOrEmpty("tagCriteria").Select(v => new TagCriterion(v.M.GetS("key"), v.M.GetS("value"))).ToList(),
        },
        LaunchSettings = LaunchSettingsMapper.FromMap(item.GetMapOrNull("launchSettings")),
        ServerOverrides = (item.GetMapOrNull("serverOverrides") ?? []).ToDictionary(p => p.Key, p => LaunchSettingsMapper.FromMap(p.Value.M)),
        CreatedBy = item.GetS("createdBy"),
        CreatedAt = item.GetTime("createdAt"),
        UpdatedBy = item.GetS("updatedBy"),
        UpdatedAt = item.GetTime("updatedAt"),
        Version = item.GetN(Version),
    };

    /// <summary>Every claim key a stored group holds: its name, and its servers or its tag criteria.</summary>
    public static IReadOnlySet<string> ClaimKeysOf(ProtectionGroup group)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { Claims.ClaimKeys.GroupName(group.Name) };
        if (group.Selection.Mode == ServerSelectionMode.SourceServerIds)
        {
            keys.UnionWith(group.Selection.SourceServerIds.Select(id => Claims.ClaimKeys.GroupServer(group.AccountId, group.Region, id)));
        }
        else if (group.Selection.TagCriteria.Count > 0)
        {
            keys.Add(Claims.ClaimKeys.GroupTags(group.AccountId, group.Region, group.Selection.TagCriteria.Select(c => (c.Key, c.Value))));
        }

        return keys;
    }
}
