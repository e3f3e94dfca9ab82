using System.Text.Json.Serialization;
using DrsOrchestrator.Aws.Wire;

namespace DrsOrchestrator.Aws.EventBridge;

// EventBridge wire shapes (eventbridge-2015-10-07 member names, which are PascalCase).
internal sealed record PutEventsInput([property: JsonPropertyName("Entries")] IReadOnlyList<PutEventsRequestEntryWire> Entries);

internal sealed record PutEventsRequestEntryWire(
    [property: JsonPropertyName("Source")] string Source,
    [property: JsonPropertyName("DetailType")] string DetailType,
    [property: JsonPropertyName("Detail")] string Detail,
    [property: JsonPropertyName("EventBusName")] string EventBusName,
    [property: JsonPropertyName("Resources")] IReadOnlyList<string>? Resources,
    [property: JsonPropertyName("Time"), JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset? Time);

internal sealed record PutEventsOutput(
    [property: JsonPropertyName("FailedEntryCount")] int? FailedEntryCount,
    [property: JsonPropertyName("Entries")] List<PutEventsResultEntryWire>? Entries);

internal sealed record PutEventsResultEntryWire(
    [property: JsonPropertyName("EventId")] string? EventId,
    [property: JsonPropertyName("ErrorCode")] string? ErrorCode,
    [property: JsonPropertyName("ErrorMessage")] string? ErrorMessage);
