namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>The service rejected the input (400); retrying the same call never helps.</summary>
public sealed class AwsValidationException(string service, string errorCode, int statusCode, string message, string? reason = null, string? requestId = null)
    : AwsServiceException(service, errorCode, statusCode, message, requestId)
{
    /// <summary>DRS's ValidationException <c>reason</c> (e.g. unknownOperation, cannotParse, fieldValidationFailed, other).</summary>
    public string? Reason { get; } = reason;
}
