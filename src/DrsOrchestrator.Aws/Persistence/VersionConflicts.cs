using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Aws.Persistence;

/// <summary>
/// The one VERSION_CONFLICT every repository reports when an optimistic write lost: same code, same
/// details (<c>expectedVersion</c>, <c>currentVersion</c>) and the same wording, whatever the aggregate.
/// </summary>
internal static class VersionConflicts
{
    /// <param name="what">The aggregate as a person names it, e.g. "Protection group".</param>
    /// <param name="actual">The stored version, or null when the item is gone.</param>
    public static DomainException For(string what, string id, long expected, long? actual) =>
        DomainException.Conflict(
            ErrorCodes.VersionConflict,
            $"{what} {id} was changed by someone else (expected version {expected}, stored {actual}); reload and retry.",
            new Dictionary<string, object?> { ["expectedVersion"] = expected, ["currentVersion"] = actual });
}
