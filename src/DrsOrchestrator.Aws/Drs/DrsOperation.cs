namespace DrsOrchestrator.Aws.Drs;

/// <summary>One DRS operation as the client calls it; <see cref="OutputType"/> is the wire type the answer is read into.</summary>
/// <param name="Idempotent">False when a repeat would start another job (DRS takes no client token).</param>
internal sealed record DrsOperation(string Name, HttpMethod Method, string UriTemplate, Type OutputType, bool Idempotent = true);
