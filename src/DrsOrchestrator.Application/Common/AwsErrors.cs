using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Application.Common;

/// <summary>
/// Translates what an AWS service said into the API's stable error codes, so a caller sees "DRS throttled
/// us" or "the spoke role refused" instead of an internal error.
/// </summary>
public static class AwsErrors
{
    public static DomainException ToDomain(AwsServiceException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var details = new Dictionary<string, object?>
        {
            ["service"] = exception.Service,
            ["awsErrorCode"] = exception.ErrorCode,
            ["awsRequestId"] = exception.RequestId,
        };
        var message = $"{exception.Service} refused the call: {exception.ErrorCode}: {exception.Message}";
        return exception switch
        {
            AwsThrottlingException => new DomainException(ErrorKind.Throttled, ErrorCodes.Throttled, message, details),
            AwsServiceQuotaExceededException => new DomainException(ErrorKind.Throttled, ErrorCodes.QuotaExceeded, message, details),
            AwsResourceNotFoundException => DomainException.NotFound(ErrorCodes.NotFound, message),
            AwsValidationException => DomainException.Validation(ErrorCodes.DrsError, message, details),
            AwsConflictException => DomainException.Conflict(ErrorCodes.DrsError, message, details),
            AwsAccessDeniedException => new DomainException(ErrorKind.Upstream, ErrorCodes.AssumeRoleFailed, message, details),
            _ => new DomainException(ErrorKind.Upstream, ErrorCodes.UpstreamError, message, details),
        };
    }
}
