namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>The resource's state forbids the call (DRS ConflictException, 409), e.g. a server already in an active job.</summary>
public sealed class AwsConflictException(string service, string errorCode, int statusCode, string message, string? requestId = null)
    : AwsServiceException(service, errorCode, statusCode, message, requestId);
