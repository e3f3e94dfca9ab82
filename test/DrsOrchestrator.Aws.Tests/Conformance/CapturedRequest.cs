namespace DrsOrchestrator.Aws.Tests.Conformance;

internal sealed record CapturedRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, byte[] Body);
