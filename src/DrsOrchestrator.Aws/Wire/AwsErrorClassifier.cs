using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Aws.Wire;

/// <summary>Decides which errors are worth retrying and which typed exception the domain sees.</summary>
internal static class AwsErrorClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "TransactionInProgressException",
        "ProvisionedThroughputExceededException", "BandwidthLimitExceeded", "EC2ThrottledException",
    };

    private static readonly HashSet<string> ValidationCodes = new(StringComparer.Ordinal)
    {
        "ValidationException", "ValidationError", "InvalidParameterValue", "InvalidParameterCombination",
        "InvalidParameter", "MissingParameter", "InvalidInput", "SerializationException", "InvalidArn",
        "InvalidName", "InvalidExecutionInput", "InvalidOutput", "InvalidAction", "MalformedQueryString",
    };

    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "UnrecognizedClientException",
        "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException", "AuthFailure", "SignatureDoesNotMatch",
        "MissingAuthenticationToken", "IncompleteSignature", "InvalidSignatureException",
    };

    public static bool IsThrottling(AwsErrorInfo error) => error.StatusCode == 429 || ThrottlingCodes.Contains(error.Code);

    /// <summary>
    /// Throttling, server faults and transport failures (status 0: timeout, refused connection) may
    /// succeed later; every other 4xx will fail the same way again.
    /// </summary>
    public static bool IsRetryable(AwsErrorInfo error) => IsThrottling(error) || IsServerFault(error);

    private static bool IsServerFault(AwsErrorInfo error) => error.StatusCode is >= 500 or 0;

    public static AwsServiceException ToException(string service, AwsErrorInfo error)
    {
        var message = $"{service} {error.Code}: {error.Message}";
        if (IsThrottling(error))
        {
            return new AwsThrottlingException(service, error.Code, error.StatusCode, message, error.RetryAfter, error.RequestId);
        }

        if (IsServerFault(error))
        {
            return new AwsInternalServerException(service, error.Code, error.StatusCode, message, error.RequestId);
        }

        if (error.Code is "ServiceQuotaExceededException" or "LimitExceededException" or "LimitExceeded" || error.QuotaCode is not null)
        {
            return new AwsServiceQuotaExceededException(service, error.Code, error.StatusCode, message, error.QuotaCode, error.ResourceType, error.RequestId);
        }

        if (error.Code is "ConflictException" || error.StatusCode == 409)
        {
            return new AwsConflictException(service, error.Code, error.StatusCode, message, error.RequestId);
        }

        if (AccessDeniedCodes.Contains(error.Code) || error.StatusCode == 403)
        {
            return new AwsAccessDeniedException(service, error.Code, error.StatusCode, message, error.RequestId);
        }

        if (error.Code is "ResourceNotFoundException" || error.Code.EndsWith(".NotFound", StringComparison.Ordinal) || error.StatusCode == 404)
        {
            return new AwsResourceNotFoundException(service, error.Code, error.StatusCode, message, error.RequestId);
        }

        if (ValidationCodes.Contains(error.Code) || error.Code.EndsWith(".Malformed", StringComparison.Ordinal))
        {
            return new AwsValidationException(service, error.Code, error.StatusCode, message, error.Reason, error.RequestId);
        }

        // Service-specific names the domain branches on by code (e.g. Step Functions' TaskTimedOut).
        return new AwsServiceException(service, error.Code, error.StatusCode, message, error.RequestId);
    }
}
