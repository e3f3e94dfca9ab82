using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Application.Inventory;

/// <param name="Error">Why the job's log could not be read, or null.</param>
public sealed record ExecutionJobLog(string JobId, string WaveName, string AccountId, string Region, IReadOnlyList<DrsJobLogItem> Items, string? Error);
