namespace DrsOrchestrator.Simulator.Model;

/// <summary>Who is calling: the account behind the access key and the region of the SigV4 scope.</summary>
public sealed record CallerIdentity(string AccountId, string Region, string AccessKeyId, bool IsSession = false)
{
    /// <summary>The long-term "hub" identity for an account: access key AKIASIM + account ID.</summary>
    public static CallerIdentity ForAccount(string accountId, string region) =>
        new(accountId, region, "AKIASIM" + accountId);
}
