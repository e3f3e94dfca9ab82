using DrsOrchestrator.Functions.Api.Pipeline;

namespace DrsOrchestrator.Functions.Api.Routing;

internal delegate Task<HandlerResult> RouteHandler(RouteContext context);
