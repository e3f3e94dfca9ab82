namespace DrsOrchestrator.Functions.Api.Routing;

internal sealed record RouteMatch(RouteBinding Binding, IReadOnlyDictionary<string, string> PathParameters);
