namespace DrsOrchestrator.WorkflowRunner;

/// <param name="Region">Goes into the ARNs the runner hands out.</param>
/// <param name="AccountId">Goes into the ARNs the runner hands out.</param>
/// <param name="MaxHistoryEvents">Step Functions' hard limit; a run that would exceed it fails. Tests lower it to prove the cap.</param>
/// <param name="Random">Drives FULL jitter; seed it for repeatable retry delays.</param>
public sealed record LocalWorkflowRunnerOptions(
    string Region = "us-east-1",
    string AccountId = "000000000000",
    int MaxHistoryEvents = 25_000,
    Random? Random = null);
