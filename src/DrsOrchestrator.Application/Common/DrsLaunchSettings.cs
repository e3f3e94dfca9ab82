using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Application.Common;

/// <summary>
/// How group launch settings map onto DRS's launch configuration. One mapping for the engine (before a
/// wave launches) and for the API's apply-launch-configuration, so both write the same thing. Subnet,
/// security groups, instance type and profile live in the EC2 launch template
/// (<see cref="Ec2LaunchTemplateSettings"/>), applied after this update.
/// </summary>
internal static class DrsLaunchSettings
{
    /// <summary>The update the settings ask for; members the settings leave unset stay null ("keep DRS's value").</summary>
    public static DrsLaunchConfigurationUpdate ToUpdate(string sourceServerId, LaunchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new DrsLaunchConfigurationUpdate(
            sourceServerId,
            CopyPrivateIp: settings.CopyPrivateIp,
            CopyTags: settings.CopyTags,
            LaunchDisposition: settings.LaunchDisposition switch
            {
                LaunchDisposition.Started => "STARTED",
                LaunchDisposition.Stopped => "STOPPED",
                _ => null,
            },
            TargetInstanceTypeRightSizingMethod: settings.RightSizing switch
            {
                RightSizingMethod.None => "NONE",
                RightSizingMethod.Basic => "BASIC",
                RightSizingMethod.InAws => "IN_AWS",
                // DRS ignores the template's instance type while right-sizing is on: a fixed type turns it off.
                null when settings.InstanceType is not null => "NONE",
                _ => null,
            },
            OsByol: settings.Licensing switch
            {
                LicensingModel.Byol => true,
                LicensingModel.LicenseIncluded => false,
                _ => null,
            });
    }

    /// <summary>True when the update sets nothing, so there is no call to make.</summary>
    public static bool IsEmpty(DrsLaunchConfigurationUpdate update) =>
        update == new DrsLaunchConfigurationUpdate(update.SourceServerId);

    /// <summary>True when DRS already holds every member the update sets: reading first keeps retries write-free.</summary>
    public static bool IsSatisfiedBy(DrsLaunchConfiguration current, DrsLaunchConfigurationUpdate wanted) =>
        (wanted.CopyPrivateIp is null || wanted.CopyPrivateIp == current.CopyPrivateIp)
        && (wanted.CopyTags is null || wanted.CopyTags == current.CopyTags)
        && (wanted.LaunchDisposition is null || wanted.LaunchDisposition == current.LaunchDisposition)
        && (wanted.TargetInstanceTypeRightSizingMethod is null || wanted.TargetInstanceTypeRightSizingMethod == current.TargetInstanceTypeRightSizingMethod)
        && (wanted.OsByol is null || wanted.OsByol == current.OsByol);
}
