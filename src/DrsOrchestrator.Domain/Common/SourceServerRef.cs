namespace DrsOrchestrator.Domain.Common;

/// <summary>A DRS source server and where it lives; DRS calls for it go to this account and region.</summary>
public sealed record SourceServerRef(string SourceServerId, string AccountId, string Region)
{
    public AccountRegion Location => new(AccountId, Region);
}
