using System.Text;
using System.Text.Json;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Events;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>The domain events the engine publishes (EventBridge detail types; rules and SNS hang off them).</summary>
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

    internal static PublishedEvent Create(string detailType, Execution execution, DateTimeOffset now, int? waveIndex = null)
    {
        var record = execution.Record;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
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

            writer.WriteString("time", now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return new PublishedEvent(detailType, Encoding.UTF8.GetString(buffer.ToArray()), Time: now);
    }
}
