using System.Globalization;
using System.Text;
using System.Text.Json;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Events;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>
/// The domain events the engine publishes (EventBridge detail types; rules and SNS hang off them). They go
/// through a transactional outbox (docs/adr/0009): delivery is at least once, and every detail carries a
/// stable <c>eventId</c> consumers dedupe on.
/// </summary>
public static class ExecutionEvents
{
    public const string Started = "Execution Started";
    public const string Paused = "Execution Paused";
    public const string Resumed = "Execution Resumed";
    public const string WaveCompleted = "Wave Completed";
    public const string Completed = "Execution Completed";
    public const string Partial = "Execution Partial";
    public const string Failed = "Execution Failed";
    public const string Cancelled = "Execution Cancelled";

    /// <summary>The detail type announcing that an execution ended with <paramref name="status"/>, if it is terminal.</summary>
    public static string? EndedEventFor(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Completed => Completed,
        ExecutionStatus.Partial => Partial,
        ExecutionStatus.Failed => Failed,
        ExecutionStatus.Cancelled => Cancelled,
        _ => null,
    };

    /// <summary>
    /// The stable ID of the <paramref name="sequence"/>-th event of the state change that stores
    /// <paramref name="version"/>: unique because each version is written once (conditional write), and
    /// the same on every re-publish because it is stored with the event. The zero-padded version makes
    /// IDs of one execution sort oldest first.
    /// </summary>
    internal static string IdFor(string executionId, long version, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{executionId}.{version:D10}.{sequence:D2}");

    /// <param name="eventId">Written into the detail as <c>eventId</c>: delivery is at least once and consumers dedupe on it.</param>
    internal static PublishedEvent Create(string detailType, Execution execution, DateTimeOffset now, int? waveIndex, string eventId)
    {
        var record = execution.Record;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("eventId", eventId);
            writer.WriteString("executionId", record.ExecutionId);
            writer.WriteString("planId", record.PlanId);
            writer.WriteString("planName", record.Plan.Name);
            writer.WriteString("executionType", record.Type.ToString().ToUpperInvariant());
            writer.WriteString("status", record.Status.ToString().ToUpperInvariant());
            writer.WriteString("initiatedBy", record.InitiatedBy);
            if (waveIndex is { } index && index >= 0 && index < record.Waves.Count)
            {
                var wave = record.Waves[index];
                writer.WriteNumber("waveIndex", index);
                writer.WriteString("waveName", wave.Name);
                writer.WriteString("waveStatus", wave.Status.ToString().ToUpperInvariant());
                writer.WriteNumber("serverCount", wave.Servers.Count);
                writer.WriteNumber("failedServerCount", wave.Servers.Count(s => s.IsFailed));
            }

            if (record.FailureCause is { } cause)
            {
                writer.WriteString("failureCause", cause);
            }

            writer.WriteString("time", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return new PublishedEvent(detailType, Encoding.UTF8.GetString(buffer.ToArray()), Time: now);
    }
}
