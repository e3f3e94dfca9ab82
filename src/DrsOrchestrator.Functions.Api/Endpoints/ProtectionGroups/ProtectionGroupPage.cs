namespace DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

internal sealed record ProtectionGroupPage(IReadOnlyList<ProtectionGroupView> Items, string? NextToken);
