namespace DrsOrchestrator.Functions.Api.Pipeline;

/// <summary>
/// What both entry points (API Gateway proxy event, ASP.NET Core) turn a call into; everything after
/// this point is one code path.
/// </summary>
/// <param name="Path">The path below the API root, e.g. <c>/protection-groups/pg-1</c>.</param>
/// <param name="Claims">Verified identity claims (Cognito-shaped), or null when the call carries none.</param>
public sealed record ApiRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    IReadOnlyDictionary<string, string>? Claims,
    string RequestId);
