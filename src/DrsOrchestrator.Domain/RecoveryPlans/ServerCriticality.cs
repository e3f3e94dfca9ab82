namespace DrsOrchestrator.Domain.RecoveryPlans;

/// <summary>A wave's failure policy for one server.</summary>
public enum ServerCriticality
{
    /// <summary>A failed launch fails the wave, skips the remaining waves and fails the execution.</summary>
    Critical,

    /// <summary>A failed launch makes the wave PARTIAL; the execution goes on and ends PARTIAL.</summary>
    Optional,
}
