using Amazon.Runtime;

namespace DrsOrchestrator.Aws.Wire;

/// <summary>Where a wire client gets the credentials it signs with; asked before every attempt so refreshed credentials are picked up.</summary>
public interface IAwsCredentialSource
{
    ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
