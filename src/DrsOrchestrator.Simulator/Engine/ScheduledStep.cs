using DrsOrchestrator.Simulator.Events;

namespace DrsOrchestrator.Simulator.Engine;

/// <summary>Something that happens to a job at a virtual time.</summary>
internal sealed record ScheduledStep(
    DateTimeOffset Due,
    RegionState Region,
    StepKind Kind,
    string JobId,
    string? ServerId = null,
    LaunchResultEvent? Event = null);
