namespace DrsOrchestrator.Workflow.Definition;

/// <summary>State names of the orchestration state machine; they show in the console's execution history and in logs.</summary>
public static class OrchestrationStates
{
    public const string Start = "Start";
    public const string Route = "Route";
    public const string StartWave = "StartWave";
    public const string AwaitWave = "AwaitWave";
    public const string ReconcileWave = "ReconcileWave";
    public const string ChooseCapacityWait = "ChooseCapacityWait";
    public const string WaitForCapacity = "WaitForCapacity";
    public const string WaitForCapacityDefault = "WaitForCapacityDefault";
    public const string Pause = "Pause";
    public const string Finalize = "Finalize";
    public const string Completed = "Completed";
    public const string RecordCancellation = "RecordCancellation";
    public const string Cancelled = "Cancelled";
    public const string UnknownNextStep = "UnknownNextStep";
    public const string RecordFailure = "RecordFailure";
    public const string Failed = "Failed";
    public const string InvalidStepResult = "InvalidStepResult";
}
