namespace DrsOrchestrator.Domain.Executions;

/// <summary>What started an execution: a person in the console, automation through the API, or a schedule.</summary>
public enum InvocationSource
{
    Console,
    Api,
    Schedule,
}
