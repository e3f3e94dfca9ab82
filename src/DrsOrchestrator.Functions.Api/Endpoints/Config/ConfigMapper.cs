using DrsOrchestrator.Application.Configuration;
using DrsOrchestrator.Domain.Accounts;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;
using DrsOrchestrator.Functions.Api.Endpoints.RecoveryPlans;

namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

internal static class ConfigMapper
{
    public static SettingsDto ToDto(OrchestratorSettings s) => new(s.ExecutionHistoryRetentionDays, s.DefaultRegion, s.NotificationEmail);

    public static OrchestratorSettings ToSettings(SettingsDto dto) => new(dto.DefaultRegion, dto.ExecutionHistoryRetentionDays, dto.NotificationEmail);

    public static TagSyncDto ToDto(TagSyncSettings s) => new(
        s.Enabled,
        s.IntervalHours,
        [.. s.Rules.Select(r => new TagSyncRuleDto([.. r.Match.Select(m => new TagCriterionDto(m.Key, m.Value))], r.Apply))]);

    public static TagSyncSettings ToTagSync(TagSyncDto dto) => new(
        dto.Enabled,
        dto.IntervalHours,
        [.. dto.Rules.Select(r => new TagSyncRule([.. r.Match.Select(m => new TagCriterion(m.Key, m.Value))], r.Apply))]);

    public static ConfigurationExport ToExport(ConfigurationSnapshot snapshot) => new(
        ConfigurationExport.CurrentFormatVersion,
        ToDto(snapshot.Settings),
        ToDto(snapshot.TagSync),
        [.. snapshot.Accounts.Select(a => new AccountExport(a.AccountId, a.Name, a.RoleArn, a.ExternalId, a.Regions, a.CreatedBy, a.CreatedAt, a.UpdatedBy, a.UpdatedAt))],
        [.. snapshot.ProtectionGroups.Select(g =>
        {
            var view = ProtectionGroupMapper.ToView(g);
            return new ProtectionGroupExport(view.GroupId, view.Name, view.Description, view.AccountId, view.Region, view.Selection, view.LaunchSettings, view.ServerOverrides, view.CreatedBy, view.CreatedAt, view.UpdatedBy, view.UpdatedAt);
        })],
        [.. snapshot.RecoveryPlans.Select(p => new RecoveryPlanExport(p.PlanId, p.Name, p.Description, [.. p.Waves.Select(RecoveryPlanMapper.ToDto)], p.RtoTargetMinutes, p.RpoTargetMinutes, p.CreatedBy, p.CreatedAt, p.UpdatedBy, p.UpdatedAt))]);

    /// <summary>Maps the document onto domain objects; enum names are checked here (400), business rules by the import (422).</summary>
    public static ConfigurationSnapshot ToSnapshot(ConfigurationExport export) => new(
        ToSettings(export.Settings),
        ToTagSync(export.TagSync),
        [.. export.Accounts.Select(a => new TargetAccount
        {
            AccountId = a.AccountId,
            Name = a.Name,
            RoleArn = a.RoleArn,
            ExternalId = a.ExternalId,
            Regions = a.Regions,
            CreatedBy = a.CreatedBy,
            CreatedAt = a.CreatedAt,
            UpdatedBy = a.UpdatedBy,
            UpdatedAt = a.UpdatedAt,
        })],
        [.. export.ProtectionGroups.Select((g, i) => new ProtectionGroup
        {
            GroupId = g.GroupId,
            Name = g.Name,
            Description = g.Description,
            AccountId = g.AccountId,
            Region = g.Region,
            Selection = ProtectionGroupMapper.ToSelection(g.Selection),
            LaunchSettings = ProtectionGroupMapper.ToSettings(g.LaunchSettings, $"$.protectionGroups[{i}].launchSettings"),
            ServerOverrides = ProtectionGroupMapper.ToOverrides(g.ServerOverrides),
            CreatedBy = g.CreatedBy,
            CreatedAt = g.CreatedAt,
            UpdatedBy = g.UpdatedBy,
            UpdatedAt = g.UpdatedAt,
        })],
        [.. export.RecoveryPlans.Select((p, i) => new RecoveryPlan
        {
            PlanId = p.PlanId,
            Name = p.Name,
            Description = p.Description,
            Waves = [.. p.Waves.Select((w, j) => RecoveryPlanMapper.ToWave(w, $"$.recoveryPlans[{i}].waves[{j}]"))],
            RtoTargetMinutes = p.RtoTargetMinutes,
            RpoTargetMinutes = p.RpoTargetMinutes,
            CreatedBy = p.CreatedBy,
            CreatedAt = p.CreatedAt,
            UpdatedBy = p.UpdatedBy,
            UpdatedAt = p.UpdatedAt,
        })]);
}
