using DrsOrchestrator.Aws.Persistence.Schema;

namespace DrsOrchestrator.Aws.Persistence;

/// <param name="Tables">Physical table names.</param>
/// <param name="ClaimGracePeriod">
/// How old a claim must be before a conflicting writer may treat it as orphaned (its owner no longer
/// references it, e.g. after a crash between the steps of a claim set larger than one transaction).
/// Longer than any single repository call, so an in-flight write is never mistaken for an orphan.
/// </param>
/// <param name="ExecutionRetention">How long execution history is kept (DynamoDB TTL); null keeps it forever.</param>
public sealed record DynamoDbPersistenceOptions(
    TableNames Tables,
    TimeSpan ClaimGracePeriod,
    TimeSpan? ExecutionRetention)
{
    /// <summary>The default <see cref="ListReadBudget"/>.</summary>
    public const int DefaultListReadBudget = 2_000;

    /// <summary>
    /// How many items one list request may examine while filling a filtered page. When a filter matches few
    /// items the request stops at this cap and returns a shorter page with a token that resumes after the
    /// last item examined, so one API call stays well inside the API Gateway timeout whatever the data.
    /// </summary>
    public int ListReadBudget { get; init; } = DefaultListReadBudget;

    public static DynamoDbPersistenceOptions Default(TableNames tables) =>
        new(tables, TimeSpan.FromMinutes(5), TimeSpan.FromDays(365));
}
