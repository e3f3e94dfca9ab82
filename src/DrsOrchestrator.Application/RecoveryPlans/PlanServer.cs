using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Application.RecoveryPlans;

/// <summary>A source server a plan would launch, as DRS describes it now (null when DRS no longer has it).</summary>
public sealed record PlanServer(int WaveIndex, string WaveName, string GroupId, SourceServerRef Server, DrsSourceServer? Drs);
