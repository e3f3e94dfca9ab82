using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence.Executions;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Events;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Tests.Common.DynamoDb;
using LaunchBuilder = DrsOrchestrator.Tests.Common.Builders.ExecutionBuilder;

namespace DrsOrchestrator.Aws.Tests.Persistence;

/// <summary>The transactional outbox and the sparse "needs attention" index, on DynamoDB Local.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class ExecutionOutboxRepositoryTests(DynamoDbLocalFixture fixture) : PersistenceTestContext(fixture)
{
    private static readonly DateTimeOffset Later = ExecutionBuilder.Now.AddHours(1);

    protected override bool FreshTablesPerTest => true;

    private DynamoDbExecutionRepository Repository => new(Client, Options, Time);

    [Fact]
    public async Task SaveAsync_WithEventsOnStaleVersion_WritesNeitherExecutionNorEvents()
    {
        var created = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);
        var winner = (await Repository.GetAsync(created.ExecutionId, default))!;
        var loser = (await Repository.GetAsync(created.ExecutionId, default))!;
        winner.Start(ExecutionBuilder.Now);
        loser.RequestCancel("someone@example.test", ExecutionBuilder.Now);
        await Repository.SaveAsync(winner, [Event(created.ExecutionId, 2, 0, "Execution Started")], default);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Repository.SaveAsync(loser, [Event(created.ExecutionId, 2, 0, "Execution Cancelled"), Event(created.ExecutionId, 2, 1, "Execution Cancelled")], default));

        Assert.Equal(ErrorCodes.VersionConflict, error.Code);
        var stored = (await Repository.GetWithPendingEventsAsync(created.ExecutionId, default))!;
        Assert.Equal(ExecutionStatus.Running, stored.Execution.Status);
        Assert.Equal(2, stored.Execution.Version);
        var pending = Assert.Single(stored.PendingEvents);
        Assert.Equal(("Execution Started", $"{created.ExecutionId}.0000000002.00"), (pending.Event.DetailType, pending.EventId));
        var outboxRows = (await ScanAllAsync(Tables.ExecutionHistory)).Count(r => r["sk"].S.StartsWith("OUTBOX#", StringComparison.Ordinal));
        Assert.Equal(1, outboxRows);
    }

    [Fact]
    public async Task SaveAsync_WithEvents_StoredInVersionOrderAndFoundThroughSparseIndex()
    {
        var execution = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);
        var other = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);
        execution.Start(ExecutionBuilder.Now);
        execution = await Repository.SaveAsync(execution, [Event(execution.ExecutionId, 2, 0, "Execution Started")], default);
        execution.RequestCancel("someone@example.test", ExecutionBuilder.Now);
        execution = await Repository.SaveAsync(execution, [Event(execution.ExecutionId, 3, 0, "Execution Cancelled", ExecutionBuilder.Now.AddSeconds(1))], default);
        other.Start(ExecutionBuilder.Now);
        await Repository.SaveAsync(other, [], default);

        var pending = await Repository.GetPendingEventsAsync(execution.ExecutionId, default);
        var loaded = await Repository.GetAsync(execution.ExecutionId, default);
        var listed = await Repository.ListWithPendingEventsAsync(Later, new PageRequest(), default);
        var beforeAny = await Repository.ListWithPendingEventsAsync(ExecutionBuilder.Now.AddSeconds(-1), new PageRequest(), default);

        Assert.Equal(["Execution Started", "Execution Cancelled"], pending.Select(p => p.Event.DetailType));
        Assert.Equal([$"{execution.ExecutionId}.0000000002.00", $"{execution.ExecutionId}.0000000003.00"], pending.Select(p => p.EventId));
        Assert.Equal("{\"eventId\":\"x\"}", pending[0].Event.DetailJson);
        Assert.Equal(ExecutionBuilder.Now, pending[0].Event.Time);
        Assert.Equal(ExecutionStatus.Cancelled, loaded!.Status);
        Assert.Equal([execution.ExecutionId], listed.Items);
        Assert.Null(listed.NextToken);
        Assert.Empty(beforeAny.Items);
    }

    [Fact]
    public async Task DeletePendingEventsAsync_EveryEvent_RemovesExecutionFromIndex()
    {
        var execution = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);
        execution.Start(ExecutionBuilder.Now);
        var first = Event(execution.ExecutionId, 2, 0, "Execution Started");
        var second = Event(execution.ExecutionId, 2, 1, "Wave Completed");
        await Repository.SaveAsync(execution, [first, second], default);

        await Repository.DeletePendingEventsAsync(execution.ExecutionId, [first.EventId], default);
        var afterOne = await Repository.ListWithPendingEventsAsync(Later, new PageRequest(), default);
        await Repository.DeletePendingEventsAsync(execution.ExecutionId, [second.EventId, first.EventId], default);
        var afterAll = await Repository.ListWithPendingEventsAsync(Later, new PageRequest(), default);

        Assert.Equal([execution.ExecutionId], afterOne.Items);
        Assert.Empty(afterAll.Items);
        Assert.Empty(await Repository.GetPendingEventsAsync(execution.ExecutionId, default));
        Assert.Equal(ExecutionStatus.Running, (await Repository.GetAsync(execution.ExecutionId, default))!.Status);
    }

    [Fact]
    public async Task RecordRejectedEventAsync_BelowLimit_CountsOnceAndMovesTheNextRetry()
    {
        var execution = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);
        execution.Start(ExecutionBuilder.Now);
        var started = Event(execution.ExecutionId, 2, 0, "Execution Started");
        await Repository.SaveAsync(execution, [started], default);
        var at = ExecutionBuilder.Now.AddMinutes(10);

        var first = await Repository.RecordRejectedEventAsync(execution.ExecutionId, new OutboxRejection(started.EventId, 0, "MalformedDetail", "bad detail", at, GiveUp: false), default);
        var sameReadAgain = await Repository.RecordRejectedEventAsync(execution.ExecutionId, new OutboxRejection(started.EventId, 0, "MalformedDetail", "bad detail", at, GiveUp: false), default);
        var beforeRetryDue = await Repository.ListWithPendingEventsAsync(at.AddSeconds(-1), new PageRequest(), default);
        var afterRetryDue = await Repository.ListWithPendingEventsAsync(at, new PageRequest(), default);

        Assert.True(first);
        Assert.False(sameReadAgain);
        var pending = Assert.Single(await Repository.GetPendingEventsAsync(execution.ExecutionId, default));
        Assert.Equal((started.EventId, 1, at), (pending.EventId, pending.Attempts, pending.LastAttemptAt));
        Assert.Empty(beforeRetryDue.Items);
        Assert.Equal([execution.ExecutionId], afterRetryDue.Items);
    }

    [Fact]
    public async Task RecordRejectedEventAsync_GiveUp_LeavesOutboxAndIndexAndIsKeptUndeliverable()
    {
        var execution = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);
        execution.Start(ExecutionBuilder.Now);
        var started = Event(execution.ExecutionId, 2, 0, "Execution Started");
        var other = Event(execution.ExecutionId, 2, 1, "Wave Completed");
        await Repository.SaveAsync(execution, [started, other], default);
        await Repository.RecordRejectedEventAsync(execution.ExecutionId, new OutboxRejection(started.EventId, 0, "MalformedDetail", null, ExecutionBuilder.Now, GiveUp: false), default);
        var givenUpAt = ExecutionBuilder.Now.AddMinutes(5);

        var stale = await Repository.RecordRejectedEventAsync(execution.ExecutionId, new OutboxRejection(started.EventId, 0, "MalformedDetail", null, givenUpAt, GiveUp: true), default);
        var gaveUp = await Repository.RecordRejectedEventAsync(execution.ExecutionId, new OutboxRejection(started.EventId, 1, "MalformedDetail", "Detail is malformed.", givenUpAt, GiveUp: true), default);
        await Repository.DeletePendingEventsAsync(execution.ExecutionId, [other.EventId], default);
        var published = await Repository.RecordRejectedEventAsync(execution.ExecutionId, new OutboxRejection(other.EventId, 0, "MalformedDetail", null, givenUpAt, GiveUp: false), default);

        Assert.False(stale);
        Assert.True(gaveUp);
        Assert.False(published);
        Assert.Empty(await Repository.GetPendingEventsAsync(execution.ExecutionId, default));
        Assert.Empty((await Repository.ListWithPendingEventsAsync(Later, new PageRequest(), default)).Items);
        var undeliverable = Assert.Single(await Repository.GetUndeliverableEventsAsync(execution.ExecutionId, default));
        Assert.Equal(
            new UndeliverableEvent(started.EventId, "Execution Started", ExecutionBuilder.Now, 2, "MalformedDetail", "Detail is malformed.", givenUpAt),
            undeliverable);
        var rows = await ScanAllAsync(Tables.ExecutionHistory);
        Assert.DoesNotContain(rows, r => r["sk"].S == "OUTBOX#" + other.EventId);
        var kept = Assert.Single(rows, r => r["sk"].S.StartsWith("UNDELIVERABLE#", StringComparison.Ordinal));
        Assert.Equal("UNDELIVERABLE", kept["attention"].S);
        Assert.Equal(ExecutionStatus.Running, (await Repository.GetWithPendingEventsAsync(execution.ExecutionId, default))!.Execution.Status);
    }

    [Fact]
    public async Task DeleteAsync_EndedWithPendingEvent_RefusedUntilItIsPublished()
    {
        var execution = await Repository.CreateAsync(new ExecutionBuilder().WithWaves(1).Build(), [], default);
        RunToCompletion(execution);
        var completed = Event(execution.ExecutionId, 2, 0, "Execution Completed");
        var undeliverable = Event(execution.ExecutionId, 2, 1, "Wave Completed");
        await Repository.SaveAsync(execution, [completed, undeliverable], default);
        await Repository.RecordRejectedEventAsync(execution.ExecutionId, new OutboxRejection(undeliverable.EventId, 0, "MalformedDetail", null, Later, GiveUp: true), default);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Repository.DeleteAsync(execution.ExecutionId, default));
        var stillThere = await Repository.GetPendingEventsAsync(execution.ExecutionId, default);
        await Repository.DeletePendingEventsAsync(execution.ExecutionId, [completed.EventId], default);
        await Repository.DeleteAsync(execution.ExecutionId, default);

        Assert.Equal((ErrorKind.Conflict, ErrorCodes.ExecutionEventsPending), (refused.Kind, refused.Code));
        Assert.Equal(1, refused.Details!["pendingEvents"]);
        Assert.Equal([completed.EventId], stillThere.Select(e => e.EventId));
        Assert.Null(await Repository.GetAsync(execution.ExecutionId, default));
        Assert.DoesNotContain(await ScanAllAsync(Tables.ExecutionHistory), r => r["executionId"].S == execution.ExecutionId);
    }

    [Fact]
    public async Task ListWithPendingEventsAsync_MoreExecutionsThanOnePage_PagesThroughEvery()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var execution = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);
            execution.Start(ExecutionBuilder.Now);
            await Repository.SaveAsync(execution, [Event(execution.ExecutionId, 2, 0, "Execution Started", ExecutionBuilder.Now.AddSeconds(i))], default);
            ids.Add(execution.ExecutionId);
        }

        var found = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await Repository.ListWithPendingEventsAsync(Later, new PageRequest(2, token), default);
            found.AddRange(page.Items);
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(ids, found);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task ListTrackingTerminationAsync_TerminationInProgress_ListedUntilItEnds()
    {
        var ended = await Repository.CreateAsync(new ExecutionBuilder().WithWaves(1).Build(), [], default);
        var untouched = await Repository.CreateAsync(new ExecutionBuilder().WithWaves(1).Build(), [], default);
        RunToCompletion(ended);
        ended = await Repository.SaveAsync(ended, default);
        ended.RequestTermination("operator@example.test", ExecutionBuilder.Now);
        ended = await Repository.SaveAsync(ended, default);
        var whileRequested = await Repository.ListTrackingTerminationAsync(new PageRequest(), default);
        ended.RecordTerminationStarted(["drsjob-terminate-1"], ExecutionBuilder.Now);
        ended = await Repository.SaveAsync(ended, default);
        var whileInProgress = await Repository.ListTrackingTerminationAsync(new PageRequest(), default);
        ended.RecordTerminationEnded(succeeded: true, null, ExecutionBuilder.Now);
        await Repository.SaveAsync(ended, default);
        var afterEnd = await Repository.ListTrackingTerminationAsync(new PageRequest(), default);

        Assert.Empty(whileRequested.Items);
        Assert.Equal([ended.ExecutionId], whileInProgress.Items);
        Assert.Empty(afterEnd.Items);
        Assert.DoesNotContain(untouched.ExecutionId, whileInProgress.Items);
    }

    [Fact]
    public async Task EnsureTablesAsync_ExistingTableWithoutAttentionIndex_AddsIt()
    {
        // A local data directory from before the index existed: the table is there, the index is not.
        var names = TableNames.FromPrefix("outbox-upgrade-" + Guid.NewGuid().ToString("N")[..8]);
        var definition = TableSchema.ExecutionHistory;
        var older = definition.GlobalSecondaryIndexes.Where(i => i.IndexName != TableSchema.ExecutionsNeedingAttentionIndex).ToList();
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = names.ExecutionHistory,
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("executionId", "S"), new("sk", "S"), new("executionStatus", "S"), new("planId", "S"), new("recordType", "S"), new("startedAt", "S")],
            KeySchema = [new("executionId", "HASH"), new("sk", "RANGE")],
            GlobalSecondaryIndexes = older.Select(i => new GlobalSecondaryIndex
            {
                IndexName = i.IndexName,
                KeySchema = [new(i.PartitionKey.Name, "HASH"), new(i.SortKey!.Name, "RANGE")],
                Projection = new Projection { ProjectionType = "ALL" },
            }).ToList(),
        });

        await new TableProvisioner(Client).EnsureTablesAsync(names, default);

        var table = (await Client.DescribeTableAsync(names.ExecutionHistory)).Table;
        var added = Assert.Single(table.GlobalSecondaryIndexes, i => i.IndexName == TableSchema.ExecutionsNeedingAttentionIndex);
        Assert.Equal("KEYS_ONLY", added.Projection.ProjectionType.Value);
        Assert.Equal(["attention", "attentionAt"], added.KeySchema.Select(k => k.AttributeName));
        var repository = new DynamoDbExecutionRepository(Client, DrsOrchestrator.Aws.Persistence.DynamoDbPersistenceOptions.Default(names), Time);
        Assert.Empty((await repository.ListTrackingTerminationAsync(new PageRequest(), default)).Items);
    }

    /// <summary>One wave launched on one server with a recovery instance, then COMPLETED: an execution whose instances can be terminated.</summary>
    private static void RunToCompletion(Execution execution)
    {
        var now = ExecutionBuilder.Now;
        execution.Start(now);
        var servers = LaunchBuilder.Servers(1);
        LaunchBuilder.LaunchAll(execution, 0, servers, now);
        execution.ApplyServerLaunchUpdate(new ServerLaunchUpdate
        {
            SourceServerId = servers[0].SourceServerId,
            LaunchStatus = ServerLaunchStatus.Launched,
            At = now,
            JobId = "drsjob-0-0",
            RecoveryInstanceId = "i-0123456789abcdef0",
        });
        execution.EvaluateWave(0, now);
        execution.Complete(now);
    }

    private static OutboxEvent Event(string executionId, long version, int sequence, string detailType, DateTimeOffset? at = null) => new(
        $"{executionId}.{version:D10}.{sequence:D2}",
        new PublishedEvent(detailType, "{\"eventId\":\"x\"}", Time: at ?? ExecutionBuilder.Now));
}
