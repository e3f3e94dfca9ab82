namespace DrsOrchestrator.Aws.Wire;

/// <summary>An aws-json operation as a client calls it; <see cref="OutputType"/> is the wire type its answer is read into.</summary>
internal sealed record AwsJsonOperation(string Name, Type OutputType);
