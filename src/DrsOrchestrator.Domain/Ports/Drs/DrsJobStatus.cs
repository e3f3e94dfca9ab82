namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>DRS's job status names as they appear on the wire.</summary>
public static class DrsJobStatus
{
    public const string Pending = "PENDING";
    public const string Started = "STARTED";
    public const string Completed = "COMPLETED";
}
