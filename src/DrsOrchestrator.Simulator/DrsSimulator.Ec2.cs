using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Model;
using DrsOrchestrator.Simulator.Scenarios;

namespace DrsOrchestrator.Simulator;

/// <summary>The slice of EC2 the orchestrator reads: the recovery VPC, instance types and recovery instances (launch templates: DrsSimulator.LaunchTemplates.cs).</summary>
public sealed partial class DrsSimulator
{
    /// <summary>The VPC EC2 reports for an account + region: the scenario's, else a generated default one (every real region has a default VPC).</summary>
    public ScenarioNetwork NetworkOf(string accountId, string region)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(region);
        lock (_sync)
        {
            return NetworkOfLocked(accountId, region);
        }
    }

    private ScenarioNetwork NetworkOfLocked(string accountId, string region)
    {
        var declared = _accounts.TryGetValue(accountId, out var account)
            ? account.Regions.FirstOrDefault(r => r.Region == region)?.Network
            : null;
        return declared ?? Ec2Defaults.Network(accountId, region);
    }

    /// <summary>The EC2 view of the region's recovery instances, in launch order.</summary>
    internal IReadOnlyList<SimEc2Instance> Ec2InstancesOf(string accountId, string region)
    {
        var network = NetworkOf(accountId, region);
        lock (_sync)
        {
            ProcessDueLocked(Clock.GetUtcNow());
            if (!_regions.TryGetValue((accountId, region), out var state))
            {
                return [];
            }

            var instances = new List<SimEc2Instance>();
            foreach (var id in state.InstanceOrder)
            {
                var instance = state.Instances[id];
                state.Servers.TryGetValue(instance.SourceServerId, out var server);
                var subnet = network.Subnets.FirstOrDefault(s => s.SubnetId == instance.SubnetId)
                    ?? (network.Subnets.Count == 0 ? null : network.Subnets[Ec2Defaults.Pick(instance.SourceServerId, network.Subnets.Count)]);
                var privateIp = server is { LaunchConfiguration.CopyPrivateIp: true, Ips.Count: > 0 }
                    ? server.Ips[0]
                    : subnet is null ? null : Ec2Defaults.PrivateIp(subnet, instance.Ec2InstanceId);
                instances.Add(new SimEc2Instance(
                    instance.Ec2InstanceId,
                    instance.Ec2InstanceState.ToLowerInvariant(),
                    instance.InstanceType ?? server?.RecommendedInstanceType ?? "m5.large",
                    privateIp,
                    subnet?.SubnetId,
                    network.VpcId,
                    subnet?.AvailabilityZone,
                    instance.LaunchedAt,
                    instance.Tags));
            }

            return instances;
        }
    }
}
