namespace DrsOrchestrator.Aws.Wire;

/// <summary>A protocol-level request before signing.</summary>
/// <param name="Operation">The model's operation name, for errors and diagnostics.</param>
/// <param name="Idempotent">False for calls that create something without a client token (DRS StartRecovery):
/// those are retried only when throttled, because after a 5xx or a timeout the first attempt may have
/// succeeded and a retry would start a second job.</param>
/// <param name="ResourcePath">Path template, e.g. /tags/{resourceArn}; labels are filled from <paramref name="PathLabels"/> (raw values, encoded when the URL is built).</param>
internal sealed record WireRequest(
    string Operation,
    HttpMethod Method,
    string ResourcePath,
    byte[] Body,
    string? ContentType,
    IReadOnlyDictionary<string, string>? PathLabels = null,
    IReadOnlyList<KeyValuePair<string, string>>? Query = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    bool Idempotent = true);
