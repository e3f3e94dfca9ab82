using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.Planning;

/// <param name="StartNow">Jobs that fit the remaining capacity, in plan order.</param>
/// <param name="Waiting">Jobs that must wait until running jobs complete.</param>
/// <param name="ProjectedUsage">Usage per account and region once <paramref name="StartNow"/> has started.</param>
public sealed record JobSchedule(
    IReadOnlyList<PlannedJob> StartNow,
    IReadOnlyList<WaitingJob> Waiting,
    IReadOnlyDictionary<AccountRegion, CapacityUsage> ProjectedUsage);
