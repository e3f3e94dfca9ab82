namespace DrsOrchestrator.Cdk.Configuration;

/// <summary>
/// Short names of resources other stacks address by name. Deterministic names let a stack point at a
/// resource deployed after it (the API function at the state machine, the state machine at the
/// function) without a reference cycle between nested stacks.
/// </summary>
internal static class ResourceNames
{
    public const string StateMachine = "orchestration";
    public const string EventBus = "events";
    public const string ApiFunction = "api";
    public const string OrchestrationFunction = "orchestration";
    public const string PollerFunction = "execution-poller";
    public const string FrontendBuilderFunction = "frontend-builder";

    /// <summary>The role each spoke account creates; hub roles may assume only this name.</summary>
    public const string SpokeRole = "drs-spoke";

    /// <summary>Source of the orchestrator's own events on its bus.</summary>
    public const string EventSource = "drs-orchestrator";
}
