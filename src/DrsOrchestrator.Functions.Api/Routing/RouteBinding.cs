using System.Text.Json.Serialization.Metadata;

namespace DrsOrchestrator.Functions.Api.Routing;

/// <param name="RequestBody">Metadata of the bound body type (drives the OpenAPI schema), or null.</param>
/// <param name="ResponseData">Metadata of the <c>data</c> type, or null.</param>
internal sealed record RouteBinding(RouteDefinition Route, RouteHandler Handler, JsonTypeInfo? RequestBody, JsonTypeInfo? ResponseData);
