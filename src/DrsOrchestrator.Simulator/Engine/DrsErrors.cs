using DrsOrchestrator.Simulator.Model;

namespace DrsOrchestrator.Simulator.Engine;

/// <summary>The DRS exception shapes with the HTTP status codes of the DRS API reference.</summary>
internal static class DrsErrors
{
    public static DrsApiException Validation(string message, string reason = "fieldValidationFailed", params (string Name, string Message)[] fields) =>
        new(400, "ValidationException", message, new Dictionary<string, object>
        {
            ["reason"] = reason,
            ["fieldList"] = fields.Select(f => new Dictionary<string, string> { ["name"] = f.Name, ["message"] = f.Message }).ToList(),
        });

    public static DrsApiException NotFound(string message, string resourceId, string resourceType) =>
        new(404, "ResourceNotFoundException", message, new Dictionary<string, object>
        {
            ["resourceId"] = resourceId,
            ["resourceType"] = resourceType,
        });

    public static DrsApiException Conflict(string message, string resourceId, string resourceType, IReadOnlyList<string>? conflicting = null) =>
        new(409, "ConflictException", message, new Dictionary<string, object>
        {
            ["resourceId"] = resourceId,
            ["resourceType"] = resourceType,
            ["conflictingSourceServerIds"] = conflicting?.ToList() ?? [],
        });

    public static DrsApiException QuotaExceeded(string message, string quotaCode, string resourceId, string resourceType) =>
        new(402, "ServiceQuotaExceededException", message, new Dictionary<string, object>
        {
            ["serviceCode"] = "drs",
            ["quotaCode"] = quotaCode,
            ["resourceId"] = resourceId,
            ["resourceType"] = resourceType,
        });

    public static DrsApiException Throttling(int retryAfterSeconds) =>
        new(429, "ThrottlingException", "Rate exceeded", new Dictionary<string, object>
        {
            ["serviceCode"] = "drs",
            ["quotaCode"] = "L-API-RATE",
            ["retryAfterSeconds"] = retryAfterSeconds,
        });

    public static DrsApiException Internal(string message, int retryAfterSeconds = 1) =>
        new(500, "InternalServerException", message, new Dictionary<string, object>
        {
            ["retryAfterSeconds"] = retryAfterSeconds,
        });

    public static DrsApiException Uninitialized(string accountId, string region) =>
        new(400, "UninitializedAccountException", $"Account {accountId} is not initialized for Elastic Disaster Recovery in {region}.");

    public static DrsApiException AccessDenied(string errorType, string message) => new(403, errorType, message);
}
