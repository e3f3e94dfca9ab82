namespace DrsOrchestrator.Functions.Api.Routing;

public enum ParameterLocation
{
    Path,
    Query,
}
