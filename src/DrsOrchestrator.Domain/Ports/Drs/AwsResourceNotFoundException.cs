namespace DrsOrchestrator.Domain.Ports.Drs;

public sealed class AwsResourceNotFoundException(string service, string errorCode, int statusCode, string message, string? requestId = null)
    : AwsServiceException(service, errorCode, statusCode, message, requestId);
