namespace DrsOrchestrator.Domain.Ports.Iam;

/// <summary>IAM for an account, through the account's assumed role when it is a spoke.</summary>
public interface IIamClientFactory
{
    IIamClient For(string accountId);
}
