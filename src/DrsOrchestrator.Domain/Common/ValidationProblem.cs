namespace DrsOrchestrator.Domain.Common;

/// <summary>One broken rule in an input. <see cref="Field"/> is a JSON-style path such as <c>waves[1].dependsOn[0]</c>.</summary>
public sealed record ValidationProblem(string Field, string Code, string Message);
