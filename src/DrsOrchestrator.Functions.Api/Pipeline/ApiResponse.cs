namespace DrsOrchestrator.Functions.Api.Pipeline;

public sealed record ApiResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body);
