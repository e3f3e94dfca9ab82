using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Model;

namespace DrsOrchestrator.Simulator;

/// <summary>The slice of IAM the orchestrator reads: an account's instance profiles (IAM is global, so no region).</summary>
public sealed partial class DrsSimulator
{
    /// <summary>The scenario's instance profiles for the account, else a default set (every account has some).</summary>
    public IReadOnlyList<SimInstanceProfile> InstanceProfilesOf(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        lock (_sync)
        {
            return IamDefaults.InstanceProfiles(accountId, _accounts.TryGetValue(accountId, out var account) ? account.InstanceProfiles : null);
        }
    }
}
