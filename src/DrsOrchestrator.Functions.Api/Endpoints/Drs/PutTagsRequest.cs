namespace DrsOrchestrator.Functions.Api.Endpoints.Drs;

/// <param name="Set">Tags to add or overwrite.</param>
/// <param name="Remove">Keys to remove.</param>
internal sealed record PutTagsRequest(IReadOnlyDictionary<string, string>? Set = null, IReadOnlyList<string>? Remove = null);
