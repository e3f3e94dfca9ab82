using System.Text.Json;

namespace DrsOrchestrator.Functions.Api.Hosting;

/// <param name="Authorizer">For the Cognito authorizer: {"claims": {...}}. Claim values are strings, but we accept any JSON.</param>
internal sealed record ApiGatewayRequestContext(string? RequestId, Dictionary<string, JsonElement>? Authorizer);
