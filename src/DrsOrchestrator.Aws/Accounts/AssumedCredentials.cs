using Amazon.Runtime;

namespace DrsOrchestrator.Aws.Accounts;

internal sealed record AssumedCredentials(ImmutableCredentials Credentials, DateTimeOffset Expiration);
