namespace DrsOrchestrator.Application.Orchestration;

/// <summary>A DRS "Source Server Launch Result" event, reduced to what the engine needs.</summary>
/// <param name="Succeeded">detail.state RECOVERY_LAUNCH_SUCCEEDED (true) or RECOVERY_LAUNCH_FAILED (false).</param>
public sealed record LaunchResultNotice(string AccountId, string Region, string JobId, string SourceServerId, bool Succeeded, DateTimeOffset Time);
