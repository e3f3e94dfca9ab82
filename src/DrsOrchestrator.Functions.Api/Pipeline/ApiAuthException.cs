namespace DrsOrchestrator.Functions.Api.Pipeline;

/// <summary>Authentication and authorization failures, raised by the pipeline itself before any handler runs.</summary>
internal sealed class ApiAuthException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}
