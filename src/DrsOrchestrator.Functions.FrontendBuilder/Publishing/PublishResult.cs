namespace DrsOrchestrator.Functions.FrontendBuilder.Publishing;

/// <summary>What one publication changed; returned to CloudFormation as the resource's attributes.</summary>
internal sealed record PublishResult(int FilesUploaded, int FilesDeleted, string InvalidationId);
