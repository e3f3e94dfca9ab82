using Amazon.Runtime;
using DrsOrchestrator.Aws.Wire;

namespace DrsOrchestrator.Aws.Accounts;

/// <summary>How the hub reaches spoke accounts.</summary>
/// <param name="HubAccountId">The hub's own account: the only one called with <paramref name="HubCredentials"/>.</param>
/// <param name="HubCredentials">The hub's identity (the SDK's default chain in Lambda); used for AssumeRole and for the hub's own DRS.</param>
/// <param name="StsRegion">Region of the STS endpoint (regional STS), and its signing region.</param>
/// <param name="Client">Endpoint override (the simulator serves DRS, STS and more on one base URL), retries, HTTP pool, clock.</param>
public sealed record CrossAccountOptions(
    string HubAccountId,
    AWSCredentials HubCredentials,
    string StsRegion,
    AwsClientOptions Client,
    string RoleSessionName = "drs-orchestrator",
    TimeSpan? SessionDuration = null,
    TimeSpan? RefreshBeforeExpiry = null)
{
    internal TimeSpan EffectiveSessionDuration => SessionDuration ?? TimeSpan.FromHours(1);

    internal TimeSpan EffectiveRefreshBeforeExpiry => RefreshBeforeExpiry ?? TimeSpan.FromMinutes(5);
}
