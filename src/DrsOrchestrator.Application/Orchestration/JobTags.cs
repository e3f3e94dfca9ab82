namespace DrsOrchestrator.Application.Orchestration;

/// <summary>
/// Tags the engine puts on every DRS job. StartRecovery takes no client token, so the request ID tag is
/// how a retried step finds the job it already started; the execution ID tag maps a DRS event to its run.
/// </summary>
public static class JobTags
{
    public const string ExecutionId = "DrsOrchestratorExecutionId";
    public const string Wave = "DrsOrchestratorWave";
    public const string RequestId = "DrsOrchestratorRequestId";
}
