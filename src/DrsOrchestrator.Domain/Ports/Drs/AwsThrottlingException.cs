namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>The service throttled the call and the client's retries ran out; <see cref="RetryAfter"/> is the service's hint, if it gave one.</summary>
public sealed class AwsThrottlingException(string service, string errorCode, int statusCode, string message, TimeSpan? retryAfter, string? requestId = null)
    : AwsServiceException(service, errorCode, statusCode, message, requestId)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
