namespace DrsOrchestrator.Aws.Persistence.Claims;

internal static class LockAttributes
{
    public const string LockKey = "lockKey";
    public const string OwnerType = "ownerType";
    public const string OwnerId = "ownerId";
    public const string OperationId = "operationId";
    public const string ClaimedAt = "claimedAt";
}
