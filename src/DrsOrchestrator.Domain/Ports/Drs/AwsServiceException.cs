namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>
/// An AWS service (DRS, Step Functions, EventBridge, EC2, STS) refused or failed a call. The subclasses
/// name what the domain reacts to; <see cref="ErrorCode"/> keeps the service's own error name
/// (e.g. Step Functions' <c>TaskTimedOut</c>) for the cases without a subclass.
/// </summary>
public class AwsServiceException(string service, string errorCode, int statusCode, string message, string? requestId = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string Service { get; } = service;

    public string ErrorCode { get; } = errorCode;

    public int StatusCode { get; } = statusCode;

    public string? RequestId { get; } = requestId;
}
