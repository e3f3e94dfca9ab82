namespace DrsOrchestrator.Domain.Accounts;

public static class TargetAccountLimits
{
    public const int MaxNameLength = 128;

    /// <summary>More than every commercial region today; guards against a pasted list gone wrong.</summary>
    public const int MaxRegions = 40;
}
