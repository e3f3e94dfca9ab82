namespace DrsOrchestrator.Domain.ProtectionGroups;

public enum ServerSelectionMode
{
    /// <summary>A fixed list of DRS source server IDs.</summary>
    SourceServerIds,

    /// <summary>Every source server whose tags match all criteria, resolved against DRS at plan and run time.</summary>
    Tags,
}
