namespace DrsOrchestrator.Domain.ProtectionGroups;

/// <summary>
/// Launch settings applied to servers through DRS. Every member is optional: null means "leave what DRS
/// has", so the same shape serves as group settings and as a per-server override.
/// </summary>
public sealed record LaunchSettings
{
    public static LaunchSettings Empty { get; } = new();

    public string? SubnetId { get; init; }

    public IReadOnlyList<string>? SecurityGroupIds { get; init; }

    public string? InstanceType { get; init; }

    public RightSizingMethod? RightSizing { get; init; }

    public bool? CopyPrivateIp { get; init; }

    public bool? CopyTags { get; init; }

    public LaunchDisposition? LaunchDisposition { get; init; }

    public LicensingModel? Licensing { get; init; }

    /// <summary>IAM instance profile name or ARN.</summary>
    public string? InstanceProfile { get; init; }

    /// <summary>These settings with every member the override sets replaced by the override's value.</summary>
    public LaunchSettings OverriddenBy(LaunchSettings? overrides)
    {
        if (overrides is null)
        {
            return this;
        }

        return new LaunchSettings
        {
            SubnetId = overrides.SubnetId ?? SubnetId,
            SecurityGroupIds = overrides.SecurityGroupIds ?? SecurityGroupIds,
            InstanceType = overrides.InstanceType ?? InstanceType,
            RightSizing = overrides.RightSizing ?? RightSizing,
            CopyPrivateIp = overrides.CopyPrivateIp ?? CopyPrivateIp,
            CopyTags = overrides.CopyTags ?? CopyTags,
            LaunchDisposition = overrides.LaunchDisposition ?? LaunchDisposition,
            Licensing = overrides.Licensing ?? Licensing,
            InstanceProfile = overrides.InstanceProfile ?? InstanceProfile,
        };
    }
}
