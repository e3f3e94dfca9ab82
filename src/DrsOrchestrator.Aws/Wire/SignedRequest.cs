namespace DrsOrchestrator.Aws.Wire;

/// <summary>The URL to call and every header that was signed (Host excluded: HttpClient writes the same value itself).</summary>
internal sealed record SignedRequest(Uri Url, IReadOnlyDictionary<string, string> Headers);
