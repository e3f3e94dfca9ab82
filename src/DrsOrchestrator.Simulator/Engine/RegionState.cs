using DrsOrchestrator.Simulator.Model;

namespace DrsOrchestrator.Simulator.Engine;

/// <summary>Everything DRS holds for one account in one region. Guarded by the simulator's lock.</summary>
internal sealed class RegionState(string accountId, string region)
{
    public string AccountId { get; } = accountId;

    public string Region { get; } = region;

    public Dictionary<string, SimSourceServer> Servers { get; } = new(StringComparer.Ordinal);

    public List<string> ServerOrder { get; } = [];

    public Dictionary<string, SimJob> Jobs { get; } = new(StringComparer.Ordinal);

    public List<string> JobOrder { get; } = [];

    public Dictionary<string, List<SimJobLogItem>> JobLogs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JobRuntime> Runtimes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SimRecoveryInstance> Instances { get; } = new(StringComparer.Ordinal);

    public List<string> InstanceOrder { get; } = [];

    /// <summary>EC2 launch templates in this account + region (DRS creates one per source server).</summary>
    public Dictionary<string, SimLaunchTemplate> LaunchTemplates { get; } = new(StringComparer.Ordinal);

    public List<string> LaunchTemplateOrder { get; } = [];

    /// <summary>Source servers taking part in a job that has not completed (a server is in one job at a time).</summary>
    public HashSet<string> BusyServers { get; } = new(StringComparer.Ordinal);

    public int ActiveJobs { get; set; }

    public int ServersInActiveJobs { get; set; }

    public string Arn(string resourceType, string id) => $"arn:aws:drs:{Region}:{AccountId}:{resourceType}/{id}";

    public void RemoveInstance(string recoveryInstanceId)
    {
        if (Instances.Remove(recoveryInstanceId))
        {
            InstanceOrder.Remove(recoveryInstanceId);
        }
    }
}
