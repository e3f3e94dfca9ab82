using System.Text.Json.Serialization;

namespace DrsOrchestrator.Workflow.Contract;

/// <summary>The error Step Functions hands to a Catch (<c>{"Error","Cause"}</c>), passed on to the <c>fail</c> and <c>cancelled</c> actions.</summary>
/// <param name="Cause">For a Lambda failure, a JSON string <c>{"errorMessage","errorType",...}</c>; for task failure, the sender's cause.</param>
public sealed record OrchestrationTaskError(
    [property: JsonPropertyName("Error")] string Error,
    [property: JsonPropertyName("Cause")] string? Cause);
