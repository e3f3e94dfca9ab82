namespace DrsOrchestrator.Simulator.Engine;

internal enum StepKind
{
    JobStarted,
    SnapshotStart,
    SnapshotEnd,
    ConversionStart,
    ConversionEnd,
    LaunchStart,
    LaunchEnd,
    TerminateStart,
    TerminateEnd,
    DeliverEvent,
}
