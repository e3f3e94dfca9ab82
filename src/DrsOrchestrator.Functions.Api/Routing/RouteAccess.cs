namespace DrsOrchestrator.Functions.Api.Routing;

/// <summary>Who may call a route before its handler runs.</summary>
public enum RouteAccess
{
    /// <summary>No identity needed (health, the OpenAPI document).</summary>
    Public,

    /// <summary>Any signed-in user, even one in no group.</summary>
    Authenticated,

    /// <summary>A signed-in user holding <see cref="RouteDefinition.Permission"/> (or one of its alternatives).</summary>
    Permission,
}
