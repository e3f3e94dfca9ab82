using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>
/// Applies group launch settings (with per-server overrides) through UpdateLaunchConfiguration before a
/// wave launches. Reads first and skips servers already configured, so a retried step makes no writes.
/// </summary>
internal sealed class LaunchSettingsApplier(DrsFleet fleet)
{
    /// <returns>How many servers were updated.</returns>
    public async Task<int> ApplyAsync(IEnumerable<ResolvedServer> servers, CancellationToken cancellationToken)
    {
        var updated = 0;
        foreach (var resolved in servers)
        {
            var wanted = Desired(resolved.Server.SourceServerId, resolved.Group.EffectiveLaunchSettingsFor(resolved.Server.SourceServerId));
            if (wanted is null)
            {
                continue;
            }

            var client = fleet.For(resolved.Server.Location);
            var current = await client.GetLaunchConfigurationAsync(resolved.Server.SourceServerId, cancellationToken).ConfigureAwait(false);
            if (Satisfies(current, wanted))
            {
                continue;
            }

            await client.UpdateLaunchConfigurationAsync(wanted, cancellationToken).ConfigureAwait(false);
            updated++;
        }

        return updated;
    }

    /// <summary>
    /// The DRS launch-configuration members the settings set; null when they set none. Subnet, security
    /// groups, instance type and profile live in the EC2 launch template, not in this API.
    /// </summary>
    internal static DrsLaunchConfigurationUpdate? Desired(string sourceServerId, LaunchSettings settings)
    {
        var update = new DrsLaunchConfigurationUpdate(
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
                _ => null,
            },
            OsByol: settings.Licensing switch
            {
                LicensingModel.Byol => true,
                LicensingModel.LicenseIncluded => false,
                _ => null,
            });
        return update == new DrsLaunchConfigurationUpdate(sourceServerId) ? null : update;
    }

    private static bool Satisfies(DrsLaunchConfiguration current, DrsLaunchConfigurationUpdate wanted) =>
        (wanted.CopyPrivateIp is null || wanted.CopyPrivateIp == current.CopyPrivateIp)
        && (wanted.CopyTags is null || wanted.CopyTags == current.CopyTags)
        && (wanted.LaunchDisposition is null || wanted.LaunchDisposition == current.LaunchDisposition)
        && (wanted.TargetInstanceTypeRightSizingMethod is null || wanted.TargetInstanceTypeRightSizingMethod == current.TargetInstanceTypeRightSizingMethod)
        && (wanted.OsByol is null || wanted.OsByol == current.OsByol);
}
