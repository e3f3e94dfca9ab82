using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.Planning;

/// <param name="Sequence">Position in the plan; the schedule keeps this order when capacity allows.</param>
public sealed record PlannedJob(int Sequence, AccountRegion Location, IReadOnlyList<string> SourceServerIds);
