using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Events;

namespace DrsOrchestrator.Aws.EventBridge;

/// <summary>Publishes domain events with PutEvents (aws-json 1.1) onto one bus under one source name.</summary>
internal sealed class EventBridgePublisher(AwsWireClient wire, string eventBusName, string source) : IEventPublisher
{
    /// <summary>PutEvents accepts at most 10 entries per call.</summary>
    internal const int MaxEntriesPerCall = 10;

    private readonly AwsJsonProtocol protocol = new(wire, "AWSEvents", "1.1");

    public async Task PublishAsync(IReadOnlyList<PublishedEvent> events, CancellationToken cancellationToken)
    {
        var failed = new List<FailedEventEntry>();
        for (var offset = 0; offset < events.Count; offset += MaxEntriesPerCall)
        {
            var batch = events.Skip(offset).Take(MaxEntriesPerCall).ToList();
            var input = new PutEventsInput(batch
                .Select(e => new PutEventsRequestEntryWire(source, e.DetailType, e.DetailJson, eventBusName, e.Resources, e.Time))
                .ToList());
            var output = await protocol.InvokeAsync(
                EventBridgeOperations.PutEvents, input, EventBridgeJsonContext.Default.PutEventsInput, EventBridgeJsonContext.Default.PutEventsOutput, cancellationToken).ConfigureAwait(false);
            if (output.FailedEntryCount is > 0)
            {
                // Result entries line up with request entries; a failed one carries ErrorCode instead of EventId.
                var results = output.Entries ?? [];
                failed.AddRange(results
                    .Select((r, i) => (Result: r, Index: offset + i))
                    .Where(x => x.Result.ErrorCode is not null)
                    .Select(x => new FailedEventEntry(x.Index, x.Result.ErrorCode, x.Result.ErrorMessage)));
            }
        }

        if (failed.Count > 0)
        {
            throw new EventPublishException(failed);
        }
    }
}
