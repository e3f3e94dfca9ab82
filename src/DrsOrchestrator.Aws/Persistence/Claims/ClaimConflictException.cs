namespace DrsOrchestrator.Aws.Persistence.Claims;

/// <summary>Internal signal: a claim is held by someone else. Never leaves the persistence adapter.</summary>
internal sealed class ClaimConflictException(ClaimRequest request, ClaimHolder? holder)
    : Exception($"Claim {request.LockKey} is held by {holder?.OwnerType ?? "another owner"} {holder?.OwnerId}.")
{
    public ClaimRequest Request { get; } = request;

    public ClaimHolder? Holder { get; } = holder;
}
