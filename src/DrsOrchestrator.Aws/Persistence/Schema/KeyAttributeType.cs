namespace DrsOrchestrator.Aws.Persistence.Schema;

/// <summary>DynamoDB scalar types usable in keys; binary keys are not used by this product.</summary>
public enum KeyAttributeType
{
    String,
    Number,
}
