namespace DrsOrchestrator.Application.Configuration;

/// <summary>
/// The tag sync's run record: one versioned settings document, so claiming the run slot and recording the
/// finished run are conditional writes on the same version.
/// </summary>
/// <param name="Running">The run in progress (or one that died, see <see cref="TagSyncClaim.ExpiresAt"/>); null when none.</param>
/// <param name="LastRun">The most recent finished run.</param>
public sealed record TagSyncState(TagSyncClaim? Running, TagSyncRun? LastRun)
{
    public static TagSyncState Empty { get; } = new(null, null);

    /// <summary>
    /// When the latest run started, finished or not: a run that died still counts, so a sync that keeps
    /// failing is retried once per interval rather than on every tick.
    /// </summary>
    public DateTimeOffset? LatestStart() =>
        (Running?.StartedAt, LastRun?.StartedAt) switch
        {
            ({ } running, { } last) => running > last ? running : last,
            (var running, var last) => running ?? last,
        };
}
