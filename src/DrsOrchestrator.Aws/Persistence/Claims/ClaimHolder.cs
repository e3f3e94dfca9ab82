namespace DrsOrchestrator.Aws.Persistence.Claims;

/// <summary>Who holds a claim item, as read back from a failed condition.</summary>
internal sealed record ClaimHolder(string LockKey, string OwnerType, string OwnerId, string OperationId, DateTimeOffset ClaimedAt);
