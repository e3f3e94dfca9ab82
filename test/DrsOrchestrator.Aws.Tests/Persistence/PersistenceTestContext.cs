using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Aws.Tests.Persistence;

/// <summary>
/// Tables on the shared DynamoDB Local process: one set per test class, or a fresh set per test for classes
/// that assert on whole-table contents (<see cref="FreshTablesPerTest"/>).
/// </summary>
public abstract class PersistenceTestContext(DynamoDbLocalFixture fixture) : IAsyncLifetime, IDisposable
{
    internal ManualTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected IAmazonDynamoDB Client { get; } = fixture.CreateClient();

    protected TableNames Tables { get; private set; } = null!;

    protected DynamoDbPersistenceOptions Options => DynamoDbPersistenceOptions.Default(Tables);

    protected virtual bool FreshTablesPerTest => false;

    public async Task InitializeAsync()
    {
        var prefix = GetType().Name.ToLowerInvariant();
        Tables = FreshTablesPerTest ? await fixture.CreateTablesAsync(prefix) : await fixture.SharedTablesAsync(prefix);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task<List<Dictionary<string, AttributeValue>>> ScanAllAsync(string table)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Client.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, ConsistentRead = true });
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
        }
        while (start is not null);
        return items;
    }
}
