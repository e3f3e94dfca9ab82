using System.Text;
using System.Text.Json;
using DrsOrchestrator.Domain.Ports.Events;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Application.Orchestration;

// The transactional outbox (docs/adr/0009): events are stored with the state change that produced them,
// published after the save, and deleted only once the bus accepted them.
public sealed partial class OrchestrationEngine
{
    /// <summary>
    /// How old an outbox row must be before anyone but its writer publishes it. The writer publishes within
    /// milliseconds of its save; without this wait, the poller and a workflow step touching the same
    /// execution at once would routinely publish each other's fresh events twice. A row this old was left
    /// by a crash or a failed publish.
    /// </summary>
    internal static readonly TimeSpan OutboxGracePeriod = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Rejections of one event (PutEvents failed entries other than <see cref="TransientEntryErrors"/>) after
    /// which the outbox gives up on it. Each rejection is recorded on the row and moves its next retry to
    /// the grace period after it, so with the finder's 5-minute schedule ten attempts span about 45 minutes:
    /// long enough to ride out a bad rule or permission change, short enough that a malformed event stops
    /// costing a write on every run.
    /// </summary>
    public const int MaxPublishAttempts = 10;

    /// <summary>PutEvents entry errors that say nothing about the event itself; they never count as attempts.</summary>
    private static readonly HashSet<string> TransientEntryErrors = new(StringComparer.Ordinal) { "InternalFailure", "ThrottlingException" };

    /// <summary>
    /// Where the engine writes its structured error lines (one JSON object a line). Lambda sends stderr to
    /// CloudWatch Logs, where a metric filter or Logs Insights can find <c>"event":"OUTBOX_EVENT_UNDELIVERABLE"</c>.
    /// </summary>
    public TextWriter ErrorLog { get; set; } = Console.Error;

    /// <summary>
    /// The finder's outbox sweep: every execution with an event older than the grace period (sparse index
    /// query, paginated, no scan) has its pending events published and deleted.
    /// </summary>
    /// <returns>How many events the bus accepted.</returns>
    public async Task<int> PublishPendingEventsAsync(CancellationToken cancellationToken)
    {
        var repository = _store.Repository;
        var cutoff = Now - OutboxGracePeriod;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var published = 0;
        string? token = null;
        do
        {
            var page = await repository.ListWithPendingEventsAsync(cutoff, new PageRequest(PageRequest.MaxLimit, token), cancellationToken).ConfigureAwait(false);
            foreach (var executionId in page.Items.Where(seen.Add))
            {
                var pending = await repository.GetPendingEventsAsync(executionId, cancellationToken).ConfigureAwait(false);
                var readAt = Now;
                var due = pending.Where(p => IsDueForRepublish(p, readAt)).ToList();
                if (due.Count > 0)
                {
                    published += await PublishOutboxAsync(executionId, due, cancellationToken).ConfigureAwait(false);
                }
            }

            token = page.NextToken;
        }
        while (token is not null);

        return published;
    }

    /// <param name="readAt">When the row was read: judging its age then keeps a slow caller from re-publishing a row whose writer is publishing it.</param>
    private static bool IsDueForRepublish(OutboxEvent pending, DateTimeOffset readAt) =>
        (pending.LastAttemptAt ?? pending.Event.Time) is not { } stored || readAt - stored >= OutboxGracePeriod;

    /// <summary>
    /// Publishes <paramref name="events"/> in one call and deletes the rows of those the bus accepted. A
    /// rejected entry (PutEvents' failed entries) or a failed call leaves its row for the next step or the
    /// finder. Failures are not thrown: the state change is already durable and its events are safe in
    /// the outbox, so failing the caller (a workflow step, an API request) would only repeat work.
    /// </summary>
    /// <returns>How many events the bus accepted.</returns>
    private async Task<int> PublishOutboxAsync(string executionId, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        HashSet<int> rejected;
        try
        {
            await _events.PublishAsync([.. events.Select(e => e.Event)], cancellationToken).ConfigureAwait(false);
            rejected = [];
        }
        catch (EventPublishException ex)
        {
            rejected = [.. ex.FailedEntries.Select(f => f.Index)];
            Counters.EventsRejected(rejected.Count);
            await RecordRejectionsAsync(executionId, events, ex.FailedEntries, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Any transport or service error: nothing is known to be accepted, so every row stays.
            Counters.EventsRejected(events.Count);
            return 0;
        }

        var accepted = events.Where((_, i) => !rejected.Contains(i)).Select(e => e.EventId).ToList();
        Counters.EventsPublished(accepted.Count);
        if (accepted.Count == 0)
        {
            return 0;
        }

        try
        {
            await _store.Repository.DeletePendingEventsAsync(executionId, accepted, cancellationToken).ConfigureAwait(false);
            Counters.OutboxRowsDeleted(accepted.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The rows stay and are published again later: a duplicate with the same eventId, which
            // consumers drop. Better than failing a step whose work is done.
        }

        return accepted.Count;
    }

    /// <summary>
    /// Counts each rejection that is about the event on its row; at <see cref="MaxPublishAttempts"/> the event
    /// is moved out of the outbox as undeliverable and an error line names it. A failed write is not thrown:
    /// the row stays and the next attempt records it.
    /// </summary>
    private async Task RecordRejectionsAsync(
        string executionId, IReadOnlyList<OutboxEvent> events, IReadOnlyList<FailedEventEntry> failures, CancellationToken cancellationToken)
    {
        foreach (var failure in failures)
        {
            if (failure.Index < 0 || failure.Index >= events.Count || (failure.ErrorCode is { } transient && TransientEntryErrors.Contains(transient)))
            {
                continue;
            }

            var pending = events[failure.Index];
            var rejection = new OutboxRejection(
                pending.EventId,
                pending.Attempts,
                failure.ErrorCode ?? "Unknown",
                failure.ErrorMessage,
                Now,
                GiveUp: pending.Attempts + 1 >= MaxPublishAttempts);
            bool recorded;
            try
            {
                recorded = await _store.Repository.RecordRejectedEventAsync(executionId, rejection, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                continue;
            }

            if (recorded && rejection.GiveUp)
            {
                Counters.EventUndeliverable();
                LogUndeliverable(executionId, pending, rejection);
            }
        }
    }

    private void LogUndeliverable(string executionId, OutboxEvent pending, OutboxRejection rejection)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("level", "ERROR");
            json.WriteString("event", "OUTBOX_EVENT_UNDELIVERABLE");
            json.WriteString("message", "EventBridge rejected the event on every attempt; it will not be published again.");
            json.WriteString("executionId", executionId);
            json.WriteString("eventId", pending.EventId);
            json.WriteString("detailType", pending.Event.DetailType);
            json.WriteString("errorCode", rejection.ErrorCode);
            json.WriteString("errorMessage", rejection.ErrorMessage);
            json.WriteNumber("attempts", rejection.PreviousAttempts + 1);
            json.WriteString("at", rejection.At);
            json.WriteEndObject();
        }

        ErrorLog.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
