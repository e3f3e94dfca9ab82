namespace DrsOrchestrator.Domain.Planning;

public enum QuotaVerdict
{
    Sufficient,
    Insufficient,

    /// <summary>A figure could not be read. Never treat as sufficient: that is failing open.</summary>
    Unknown,
}
