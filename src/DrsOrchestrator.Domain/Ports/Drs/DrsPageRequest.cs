namespace DrsOrchestrator.Domain.Ports.Drs;

/// <param name="MaxResults">Null lets DRS choose its default page size.</param>
public sealed record DrsPageRequest(int? MaxResults = null, string? NextToken = null)
{
    public static DrsPageRequest First { get; } = new();
}
