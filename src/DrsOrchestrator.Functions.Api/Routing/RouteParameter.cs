namespace DrsOrchestrator.Functions.Api.Routing;

/// <param name="Type">OpenAPI scalar type: string | integer | boolean.</param>
public sealed record RouteParameter(string Name, ParameterLocation In, string Type, bool Required, string Description);
