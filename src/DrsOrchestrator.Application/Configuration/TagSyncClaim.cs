namespace DrsOrchestrator.Application.Configuration;

/// <summary>
/// The run slot a tag sync holds while it runs, written with a conditional write so two runs never
/// overlap (two schedule deliveries, or a tick and "Run now").
/// </summary>
/// <param name="ExpiresAt">After this the claim belongs to a run that died (function timeout) and no longer blocks.</param>
public sealed record TagSyncClaim(string RunId, TagSyncTrigger Trigger, string TriggeredBy, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt)
{
    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt > now;
}
