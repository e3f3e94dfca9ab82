namespace DrsOrchestrator.Functions.Api.Hosting;

internal sealed record ApiGatewayProxyResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body, bool IsBase64Encoded);
