using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Ec2;
using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Application.Common;

/// <summary>
/// Applies one server's effective launch settings: DRS's launch configuration first (DRS may rewrite the
/// template's instance type while right-sizing is still on), then the EC2 launch template DRS names for
/// the server. Each part reads first and writes only what differs. The engine and the API both use this.
/// </summary>
internal static class ServerLaunchSettings
{
    /// <summary>True when the settings set anything at all (otherwise there is nothing to read or write).</summary>
    public static bool SetsAnything(LaunchSettings settings) =>
        !DrsLaunchSettings.IsEmpty(DrsLaunchSettings.ToUpdate("-", settings)) || Ec2LaunchTemplateSettings.ToChange(settings) is not null;

    /// <param name="ec2">EC2 of the server's account and region; only asked for when the settings touch the template.</param>
    /// <returns>Whether anything was written.</returns>
    /// <exception cref="AwsServiceException">DRS or EC2 refused or failed a call.</exception>
    public static async Task<bool> ApplyAsync(IDrsClient drs, Func<IEc2Client> ec2, string sourceServerId, LaunchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drs);
        ArgumentNullException.ThrowIfNull(ec2);
        var drsWanted = DrsLaunchSettings.ToUpdate(sourceServerId, settings);
        var templateWanted = Ec2LaunchTemplateSettings.ToChange(settings);
        if (DrsLaunchSettings.IsEmpty(drsWanted) && templateWanted is null)
        {
            return false;
        }

        var written = false;
        var current = await drs.GetLaunchConfigurationAsync(sourceServerId, cancellationToken).ConfigureAwait(false);
        if (!DrsLaunchSettings.IsEmpty(drsWanted) && !DrsLaunchSettings.IsSatisfiedBy(current, drsWanted))
        {
            await drs.UpdateLaunchConfigurationAsync(drsWanted, cancellationToken).ConfigureAwait(false);
            written = true;
        }

        if (templateWanted is null)
        {
            return written;
        }

        if (string.IsNullOrEmpty(current.Ec2LaunchTemplateId))
        {
            throw new AwsResourceNotFoundException("drs", "LaunchTemplateNotFound", 404, $"drs LaunchTemplateNotFound: DRS reports no EC2 launch template for source server {sourceServerId}.");
        }

        return await Ec2LaunchTemplateSettings.ApplyAsync(ec2(), current.Ec2LaunchTemplateId, templateWanted, cancellationToken).ConfigureAwait(false) || written;
    }
}
