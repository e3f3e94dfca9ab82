namespace DrsOrchestrator.Functions.Api.Routing;

/// <summary>
/// Binds handlers to catalog routes. Every implementation in this assembly is discovered, so an area
/// (e.g. execution control) adds its routes in its own file without touching anyone else's.
/// </summary>
internal interface IRouteModule
{
    void Map(RouteRegistry routes);
}
