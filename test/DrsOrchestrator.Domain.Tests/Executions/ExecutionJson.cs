using System.Text.Json;
using DrsOrchestrator.Domain.Executions;

namespace DrsOrchestrator.Domain.Tests.Executions;

/// <summary>Compares aggregates by their serialized state, which is what the repository would store.</summary>
internal static class ExecutionJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Of(Execution execution) => JsonSerializer.Serialize(execution.Record, Options);

    public static ExecutionRecord RoundTrip(Execution execution) =>
        JsonSerializer.Deserialize<ExecutionRecord>(Of(execution), Options) ?? throw new InvalidOperationException("Null record.");
}
