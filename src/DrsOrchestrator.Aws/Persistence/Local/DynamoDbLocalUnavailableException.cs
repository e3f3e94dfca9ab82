namespace DrsOrchestrator.Aws.Persistence.Local;

/// <summary>DynamoDB Local cannot run here (no Java, no jar, or it died on start); the message says what to do.</summary>
public sealed class DynamoDbLocalUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
