using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace DrsOrchestrator.Aws.Wire;

/// <summary>Credentials from an AWSSDK.Core provider, which does its own caching and refresh.</summary>
public sealed class SdkCredentialSource(AWSCredentials credentials) : IAwsCredentialSource
{
    /// <summary>The SDK's standard chain (environment, profile, container, instance metadata): the hub's own identity.</summary>
    public static SdkCredentialSource FromDefaultChain() =>
        new(DefaultAWSCredentialsIdentityResolver.GetCredentials());

    public async ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
        await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
}
