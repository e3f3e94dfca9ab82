using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Functions.Api.Endpoints.Drs;

internal sealed record DrsJobLogsView(string JobId, string AccountId, string Region, IReadOnlyList<DrsJobLogItem> Items);
