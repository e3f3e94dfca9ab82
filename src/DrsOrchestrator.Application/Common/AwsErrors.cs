using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Application.Common;

/// <summary>
/// Translates what an AWS service said into the API's stable error codes, so a caller sees "DRS throttled
/// us", "EC2 refused" or "the spoke role refused" instead of an internal error.
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
        var fromSts = string.Equals(exception.Service, "sts", StringComparison.OrdinalIgnoreCase);

        // DRS_ERROR names DRS; a refusal from EC2 (or any other service) reached after the role was
        // assumed is reported as that service's upstream error, so operators do not chase the role.
        var serviceCode = string.Equals(exception.Service, "drs", StringComparison.OrdinalIgnoreCase) ? ErrorCodes.DrsError : ErrorCodes.UpstreamError;
        return exception switch
        {
            AwsThrottlingException => new DomainException(ErrorKind.Throttled, ErrorCodes.Throttled, message, details),
            AwsServiceQuotaExceededException => new DomainException(ErrorKind.Throttled, ErrorCodes.QuotaExceeded, message, details),
            _ when fromSts => new DomainException(ErrorKind.Upstream, ErrorCodes.AssumeRoleFailed, message, details),
            AwsResourceNotFoundException => DomainException.NotFound(ErrorCodes.NotFound, message),
            AwsValidationException => DomainException.Validation(serviceCode, message, details),
            AwsConflictException => DomainException.Conflict(serviceCode, message, details),
            _ => new DomainException(ErrorKind.Upstream, ErrorCodes.UpstreamError, message, details),
        };
    }
}
