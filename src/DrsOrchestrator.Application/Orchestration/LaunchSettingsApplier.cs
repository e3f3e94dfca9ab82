using DrsOrchestrator.Application.Common;
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
            if (DrsLaunchSettings.IsSatisfiedBy(current, wanted))
            {
                continue;
            }

            await client.UpdateLaunchConfigurationAsync(wanted, cancellationToken).ConfigureAwait(false);
            updated++;
        }

        return updated;
    }

    /// <summary>The DRS launch-configuration members the settings set; null when they set none.</summary>
    internal static DrsLaunchConfigurationUpdate? Desired(string sourceServerId, LaunchSettings settings)
    {
        var update = DrsLaunchSettings.ToUpdate(sourceServerId, settings);
        return DrsLaunchSettings.IsEmpty(update) ? null : update;
    }
}
