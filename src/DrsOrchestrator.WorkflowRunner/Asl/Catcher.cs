namespace DrsOrchestrator.WorkflowRunner.Asl;

/// <param name="ResultPath">Where the {"Error","Cause"} object goes; null discards it.</param>
internal sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next, JsonPathExpression? ResultPath);
