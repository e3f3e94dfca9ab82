using DrsOrchestrator.Application.Common;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>
/// Applies group launch settings (with per-server overrides) before a wave launches: DRS's launch
/// configuration through UpdateLaunchConfiguration, then the server's EC2 launch template (subnet,
/// security groups, instance type, instance profile) through the target account's EC2. Reads first and
/// skips what is already configured, so a retried step makes no writes.
/// </summary>
/// <remarks>
/// A refusal (a subnet that does not exist, a role that may not act) fails that server with the
/// service's error as its cause: launching it with settings other than the group's would be a silent
/// surprise in a recovery. Throttling, server faults and network failures propagate, so the workflow
/// retries the step and the reads find whatever the failed attempt already wrote.
/// </remarks>
internal sealed class LaunchSettingsApplier(DrsFleet fleet)
{
    /// <returns>The servers whose settings could not be applied, with the cause; empty when all were applied.</returns>
    public async Task<IReadOnlyList<LaunchSettingsFailure>> ApplyAsync(IEnumerable<ResolvedServer> servers, CancellationToken cancellationToken)
    {
        var failures = new List<LaunchSettingsFailure>();
        foreach (var resolved in servers)
        {
            var serverId = resolved.Server.SourceServerId;
            var settings = resolved.Group.EffectiveLaunchSettingsFor(serverId);
            if (!ServerLaunchSettings.SetsAnything(settings))
            {
                continue;
            }

            var location = resolved.Server.Location;
            try
            {
                await ServerLaunchSettings.ApplyAsync(fleet.For(location), () => fleet.Ec2For(location), serverId, settings, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex is not (AwsThrottlingException or AwsInternalServerException))
            {
                failures.Add(new LaunchSettingsFailure(serverId, $"Launch settings of protection group '{resolved.Group.Name}' could not be applied: {ex.Message}"));
            }
        }

        return failures;
    }
}
