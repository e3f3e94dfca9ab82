namespace DrsOrchestrator.Domain.Common;

/// <summary>The scope of DRS's quotas: every limit is per account and region.</summary>
public readonly record struct AccountRegion(string AccountId, string Region)
{
    public override string ToString() => $"{AccountId}/{Region}";
}
