namespace DrsOrchestrator.Aws.Persistence.Schema;

public enum IndexProjection
{
    All,
    KeysOnly,
    Include,
}
