namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>A service quota stops the call (e.g. DRS's 20 concurrent jobs or 500 servers in active jobs).</summary>
public sealed class AwsServiceQuotaExceededException(string service, string errorCode, int statusCode, string message, string? quotaCode, string? resourceType, string? requestId = null)
    : AwsServiceException(service, errorCode, statusCode, message, requestId)
{
    public string? QuotaCode { get; } = quotaCode;

    public string? ResourceType { get; } = resourceType;
}
