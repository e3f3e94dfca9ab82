using System.Net;

namespace DrsOrchestrator.Aws.Wire;

internal sealed record WireResponse(HttpStatusCode StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body);
