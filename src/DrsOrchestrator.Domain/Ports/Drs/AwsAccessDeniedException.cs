namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>The caller's identity may not make the call (403), including a refused AssumeRole into a target account.</summary>
public sealed class AwsAccessDeniedException(string service, string errorCode, int statusCode, string message, string? requestId = null)
    : AwsServiceException(service, errorCode, statusCode, message, requestId);
