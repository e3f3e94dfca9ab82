namespace DrsOrchestrator.Functions.Api.Pipeline;

/// <param name="AllowedOrigin">Value of Access-Control-Allow-Origin: the console's origin.</param>
/// <param name="Log">Where the one-line-per-request JSON log goes (stdout in Lambda).</param>
public sealed record ApiPipelineOptions(string AllowedOrigin, TextWriter Log)
{
    public static ApiPipelineOptions Default { get; } = new("*", TextWriter.Null);
}
