using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.Executions;

/// <summary>
/// One DRS recovery job of a wave. The engine records the intent (with <see cref="RequestId"/>, which it
/// also puts in the job's tags) before calling StartRecovery, because StartRecovery has no client token:
/// on a retry it finds the intent, looks the job up by that tag and adopts it instead of starting a
/// second one. <see cref="JobId"/> and <see cref="Status"/> stay null until the job is known.
/// </summary>
public sealed record DrsJobRecord
{
    public required string RequestId { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required IReadOnlyList<string> SourceServerIds { get; init; }

    public string? JobId { get; init; }

    public DrsJobStatus? Status { get; init; }

    public required DateTimeOffset IntentRecordedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public bool IsIntentOnly => JobId is null;

    public AccountRegion Location => new(AccountId, Region);
}
