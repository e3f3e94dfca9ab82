namespace DrsOrchestrator.Aws.Persistence.Schema;

public sealed record KeyAttribute(string Name, KeyAttributeType Type);
