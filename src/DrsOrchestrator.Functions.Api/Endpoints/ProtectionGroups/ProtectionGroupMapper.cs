using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Functions.Api.Json;

namespace DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

internal static class ProtectionGroupMapper
{
    public static ProtectionGroupDraft ToDraft(string name, string? description, string accountId, string region, ServerSelectionDto selection, LaunchSettingsDto? settings, IReadOnlyDictionary<string, LaunchSettingsDto>? overrides) => new()
    {
        Name = name,
        Description = description ?? "",
        AccountId = accountId,
        Region = region,
        Selection = ToSelection(selection),
        LaunchSettings = ToSettings(settings, "$.launchSettings"),
        ServerOverrides = ToOverrides(overrides),
    };

    public static ServerSelection ToSelection(ServerSelectionDto dto) => new()
    {
        Mode = WireEnum.Parse<ServerSelectionMode>(dto.Mode, "$.selection.mode"),
        SourceServerIds = dto.SourceServerIds ?? [],
        TagCriteria = (dto.TagCriteria ?? []).Select(t => new TagCriterion(t.Key, t.Value)).ToArray(),
    };

    public static LaunchSettings ToSettings(LaunchSettingsDto? dto, string field) => dto is null ? LaunchSettings.Empty : new LaunchSettings
    {
        SubnetId = dto.SubnetId,
        SecurityGroupIds = dto.SecurityGroupIds,
        InstanceType = dto.InstanceType,
        RightSizing = WireEnum.ParseOptional<RightSizingMethod>(dto.RightSizing, field + ".rightSizing"),
        CopyPrivateIp = dto.CopyPrivateIp,
        CopyTags = dto.CopyTags,
        LaunchDisposition = WireEnum.ParseOptional<LaunchDisposition>(dto.LaunchDisposition, field + ".launchDisposition"),
        Licensing = WireEnum.ParseOptional<LicensingModel>(dto.Licensing, field + ".licensing"),
        InstanceProfile = dto.InstanceProfile,
    };

    public static Dictionary<string, LaunchSettings> ToOverrides(IReadOnlyDictionary<string, LaunchSettingsDto>? overrides) =>
        (overrides ?? new Dictionary<string, LaunchSettingsDto>()).ToDictionary(kv => kv.Key, kv => ToSettings(kv.Value, $"$.serverOverrides.{kv.Key}"), StringComparer.Ordinal);

    public static ProtectionGroupView ToView(ProtectionGroup group) => new(
        group.GroupId,
        group.Name,
        group.Description,
        group.AccountId,
        group.Region,
        new ServerSelectionDto(
            WireEnum.Name(group.Selection.Mode),
            group.Selection.SourceServerIds,
            group.Selection.TagCriteria.Select(t => new TagCriterionDto(t.Key, t.Value)).ToArray()),
        ToDto(group.LaunchSettings),
        ToDtos(group.ServerOverrides),
        group.CreatedBy,
        group.CreatedAt,
        group.UpdatedBy,
        group.UpdatedAt,
        group.Version);

    public static LaunchSettingsDto ToDto(LaunchSettings s) => new(
        s.SubnetId,
        s.SecurityGroupIds,
        s.InstanceType,
        s.RightSizing is { } r ? WireEnum.Name(r) : null,
        s.CopyPrivateIp,
        s.CopyTags,
        s.LaunchDisposition is { } d ? WireEnum.Name(d) : null,
        s.Licensing is { } l ? WireEnum.Name(l) : null,
        s.InstanceProfile);

    public static Dictionary<string, LaunchSettingsDto> ToDtos(IReadOnlyDictionary<string, LaunchSettings> overrides) =>
        overrides.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => ToDto(kv.Value), StringComparer.Ordinal);
}
