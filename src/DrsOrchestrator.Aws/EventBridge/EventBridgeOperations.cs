using DrsOrchestrator.Aws.Wire;

namespace DrsOrchestrator.Aws.EventBridge;

internal static class EventBridgeOperations
{
    public static readonly AwsJsonOperation PutEvents = new("PutEvents", typeof(PutEventsOutput));

    public static IReadOnlyList<AwsJsonOperation> All { get; } = [PutEvents];
}
