using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.ProtectionGroups;

internal static class LaunchSettingsRules
{
    public static void Validate(LaunchSettings? settings, string prefix, ValidationProblems problems, bool checkCombination = true)
    {
        if (settings is null)
        {
            problems.Add(prefix, ErrorCodes.InvalidLaunchSettings, "Launch settings cannot be null (use an empty object).");
            return;
        }

        if (settings.SubnetId is not null && !AwsIdentifiers.IsSubnetId(settings.SubnetId))
        {
            problems.Add(prefix + ".subnetId", ErrorCodes.InvalidLaunchSettings, $"'{settings.SubnetId}' is not a subnet ID.");
        }

        if (settings.SecurityGroupIds is { } groups)
        {
            if (groups.Count > ProtectionGroupLimits.MaxSecurityGroups)
            {
                problems.Add(prefix + ".securityGroupIds", ErrorCodes.LimitExceeded, $"At most {ProtectionGroupLimits.MaxSecurityGroups} security groups are allowed.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < groups.Count; i++)
            {
                if (!AwsIdentifiers.IsSecurityGroupId(groups[i]))
                {
                    problems.Add($"{prefix}.securityGroupIds[{i}]", ErrorCodes.InvalidLaunchSettings, $"'{groups[i]}' is not a security group ID.");
                }
                else if (!seen.Add(groups[i]))
                {
                    problems.Add($"{prefix}.securityGroupIds[{i}]", ErrorCodes.InvalidLaunchSettings, $"'{groups[i]}' is listed more than once.");
                }
            }
        }

        if (settings.InstanceType is not null && !AwsIdentifiers.IsInstanceType(settings.InstanceType))
        {
            problems.Add(prefix + ".instanceType", ErrorCodes.InvalidLaunchSettings, $"'{settings.InstanceType}' is not an EC2 instance type (e.g. m5.large).");
        }

        if (settings.InstanceProfile is not null && !AwsIdentifiers.IsInstanceProfile(settings.InstanceProfile))
        {
            problems.Add(prefix + ".instanceProfile", ErrorCodes.InvalidLaunchSettings, "instanceProfile must be an IAM instance profile name or ARN.");
        }

        ValidateEnum(settings.RightSizing, prefix + ".rightSizing", problems);
        ValidateEnum(settings.LaunchDisposition, prefix + ".launchDisposition", problems);
        ValidateEnum(settings.Licensing, prefix + ".licensing", problems);
        if (checkCombination)
        {
            ValidateCombination(settings, prefix, problems, onlyIfSetBy: null);
        }
    }

    /// <summary>
    /// DRS ignores a fixed instance type while right-sizing is on, so asking for both is a mistake the
    /// operator should hear about now rather than discover after a failover. For an override, only
    /// report it when the override itself set one of the two, otherwise the group already reported it.
    /// </summary>
    public static void ValidateCombination(LaunchSettings effective, string prefix, ValidationProblems problems, LaunchSettings? onlyIfSetBy)
    {
        var conflict = effective.InstanceType is not null && effective.RightSizing is RightSizingMethod.Basic or RightSizingMethod.InAws;
        if (!conflict)
        {
            return;
        }

        if (onlyIfSetBy is not null && onlyIfSetBy.InstanceType is null && onlyIfSetBy.RightSizing is null)
        {
            return;
        }

        problems.Add(prefix + ".instanceType", ErrorCodes.InvalidLaunchSettings, "A fixed instanceType requires rightSizing NONE.");
    }

    private static void ValidateEnum<T>(T? value, string field, ValidationProblems problems)
        where T : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            problems.Add(field, ErrorCodes.InvalidLaunchSettings, $"{v} is not a valid value.");
        }
    }
}
