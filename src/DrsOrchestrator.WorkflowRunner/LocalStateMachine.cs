using DrsOrchestrator.WorkflowRunner.Asl;

namespace DrsOrchestrator.WorkflowRunner;

internal sealed record LocalStateMachine(string Name, string Arn, AslDefinition Definition);
