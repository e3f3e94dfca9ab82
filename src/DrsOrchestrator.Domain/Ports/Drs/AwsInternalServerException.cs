namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>The service failed (5xx) and the client's retries ran out.</summary>
public sealed class AwsInternalServerException(string service, string errorCode, int statusCode, string message, string? requestId = null)
    : AwsServiceException(service, errorCode, statusCode, message, requestId);
