namespace DrsOrchestrator.Domain.Executions;

/// <summary>Why the workflow is parked on a task token.</summary>
public enum WaitPurpose
{
    /// <summary>Waiting for every server of a wave to finish launching; DRS events release it.</summary>
    WaveCompletion,

    /// <summary>Paused before a wave; an operator's resume releases it.</summary>
    Pause,
}
