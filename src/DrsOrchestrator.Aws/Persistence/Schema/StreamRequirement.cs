namespace DrsOrchestrator.Aws.Persistence.Schema;

/// <summary>Whether a table needs a DynamoDB stream, and which image it must carry.</summary>
public enum StreamRequirement
{
    None,
    NewImage,
    NewAndOldImages,
}
