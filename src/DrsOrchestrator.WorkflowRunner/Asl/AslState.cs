using System.Text.Json.Nodes;

namespace DrsOrchestrator.WorkflowRunner.Asl;

/// <summary>
/// One parsed state. A single shape for every type keeps the interpreter a flat switch; the parser
/// guarantees only the fields valid for <see cref="Type"/> are set.
/// </summary>
/// <remarks>For InputPath, OutputPath and ResultPath, <c>null</c> is the States language's JSON null (discard), not "absent": absent is the root path.</remarks>
internal sealed class AslState
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public string? Next { get; init; }

    public bool End { get; init; }

    public JsonPathExpression? InputPath { get; init; }

    public JsonPathExpression? OutputPath { get; init; }

    public JsonPathExpression? ResultPath { get; init; }

    public PayloadTemplate? Parameters { get; init; }

    public PayloadTemplate? ResultSelector { get; init; }

    public JsonNode? Result { get; init; }

    // Task
    public string? Resource { get; init; }

    public bool WaitForTaskToken { get; init; }

    public int? TimeoutSeconds { get; init; }

    public int? HeartbeatSeconds { get; init; }

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    // Choice
    public IReadOnlyList<ChoiceRule> Choices { get; init; } = [];

    public string? Default { get; init; }

    // Wait
    public int? Seconds { get; init; }

    public JsonPathExpression? SecondsPath { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPathExpression? TimestampPath { get; init; }

    // Fail
    public string? Error { get; init; }

    public string? Cause { get; init; }

    /// <summary>Every state this one can move to.</summary>
    public IEnumerable<string> Transitions()
    {
        if (Next is not null)
        {
            yield return Next;
        }

        if (Default is not null)
        {
            yield return Default;
        }

        foreach (var rule in Choices)
        {
            yield return rule.Next!;
        }

        foreach (var catcher in Catch)
        {
            yield return catcher.Next;
        }
    }
}
