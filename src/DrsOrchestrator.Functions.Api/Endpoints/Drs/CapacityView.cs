using DrsOrchestrator.Application.Inventory;

namespace DrsOrchestrator.Functions.Api.Endpoints.Drs;

/// <param name="Unreadable">Locations whose usage could not be read (shown as UNKNOWN, never as free capacity).</param>
internal sealed record CapacityView(IReadOnlyList<QuotaReport> Locations, int Unreadable, DateTimeOffset GeneratedAt);
