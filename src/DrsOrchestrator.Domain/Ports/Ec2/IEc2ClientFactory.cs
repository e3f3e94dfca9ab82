namespace DrsOrchestrator.Domain.Ports.Ec2;

/// <summary>EC2 for an account and region, through the account's assumed role when it is a spoke.</summary>
public interface IEc2ClientFactory
{
    IEc2Client For(string accountId, string region);
}
