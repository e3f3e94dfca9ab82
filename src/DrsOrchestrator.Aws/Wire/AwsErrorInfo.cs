namespace DrsOrchestrator.Aws.Wire;

/// <summary>An error answer reduced to what every protocol reports.</summary>
internal sealed record AwsErrorInfo(
    int StatusCode,
    string Code,
    string Message,
    TimeSpan? RetryAfter = null,
    string? QuotaCode = null,
    string? ResourceType = null,
    string? Reason = null,
    string? RequestId = null);
