using Amazon.Runtime;

namespace DrsOrchestrator.Aws.Wire;

/// <summary>Fixed credentials: the local twin's simulated hub keys, and tests.</summary>
public sealed class StaticCredentialSource(ImmutableCredentials credentials) : IAwsCredentialSource
{
    public StaticCredentialSource(string accessKey, string secretKey, string? sessionToken = null)
        : this(new ImmutableCredentials(accessKey, secretKey, sessionToken))
    {
    }

    public ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
