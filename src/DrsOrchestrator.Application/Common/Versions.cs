using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Application.Common;

public static class Versions
{
    /// <summary>Refuses a write based on a stale read before it reaches the store.</summary>
    /// <exception cref="DomainException">Conflict VERSION_CONFLICT.</exception>
    public static void Ensure(string subject, long current, long expected)
    {
        if (current != expected)
        {
            throw DomainException.Conflict(
                ErrorCodes.VersionConflict,
                $"{subject} changed since it was read (version {current}, not {expected}); reload and retry.",
                new Dictionary<string, object?> { ["currentVersion"] = current, ["expectedVersion"] = expected });
        }
    }
}
