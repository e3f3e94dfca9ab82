using System.Globalization;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence.RecoveryPlans;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Events;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Aws.Persistence.Executions;

/// <summary>
/// The one place an <see cref="ExecutionRecord"/> becomes rows and back. Rows share the execution's
/// partition: a header (the only row carrying the index keys, so the indexes stay sparse), one row per
/// wave, and server rows of at most <see cref="ServersPerRow"/> servers each, so a 1,200-server wave is 12
/// rows of ~30 KB instead of one item past DynamoDB's 400 KB limit. A whole execution stays within one
/// transaction (100 items) for plans of up to ~2,500 servers.
/// </summary>
internal static class ExecutionItemMapper
{
    public const int ServersPerRow = 100;
    public const string ExecutionId = "executionId";
    public const string SortKey = "sk";
    public const string HeaderSortKey = "EXECUTION";
    public const string ClaimsSortKey = "CLAIMS";
    public const string RecordType = "EXECUTION";
    public const string Version = "version";
    public const string Status = "executionStatus";
    public const string OutboxSortKeyPrefix = "OUTBOX#";

    /// <summary>Sparse "needs attention" index keys (<see cref="Schema.TableSchema.ExecutionsNeedingAttentionIndex"/>).</summary>
    public const string Attention = "attention";
    public const string AttentionAt = "attentionAt";
    public const string AttentionOutbox = "OUTBOX";
    public const string AttentionTermination = "TERMINATION";

    /// <summary>
    /// Index partition of events the outbox gave up on: out of the finder's way, still one Query away for
    /// an operator (attention = UNDELIVERABLE, oldest give-up first).
    /// </summary>
    public const string AttentionUndeliverable = "UNDELIVERABLE";
    public const string UndeliverableSortKeyPrefix = "UNDELIVERABLE#";
    public const string Attempts = "attempts";
    public const string LastErrorCode = "lastErrorCode";
    public const string LastErrorMessage = "lastErrorMessage";
    public const string LastAttemptAt = "lastAttemptAt";

    public static List<Dictionary<string, AttributeValue>> ToRows(ExecutionRecord record, long version, long? expiresAt)
    {
        var rows = new List<Dictionary<string, AttributeValue>> { Header(record, version) };
        foreach (var wave in record.Waves)
        {
            var chunks = wave.Servers.Chunk(ServersPerRow).ToList();
            rows.Add(WaveRow(record.ExecutionId, wave, chunks.Count));
            for (var c = 0; c < chunks.Count; c++)
            {
                rows.Add(new Dictionary<string, AttributeValue>
                {
                    [ExecutionId] = Attr.S(record.ExecutionId),
                    [SortKey] = Attr.S(ServerRowKey(wave.WaveIndex, c)),
                    ["servers"] = Attr.List(chunks[c].Select(s => Attr.Map(ServerToMap(s)))),
                });
            }
        }

        if (expiresAt is { } ttl)
        {
            foreach (var row in rows)
            {
                row["expiresAt"] = Attr.N(ttl);
            }
        }

        return rows;
    }

    public static Dictionary<string, AttributeValue> ClaimsRow(string executionId, IEnumerable<SourceServerRef> servers, long? expiresAt)
    {
        var row = new Dictionary<string, AttributeValue>
        {
            [ExecutionId] = Attr.S(executionId),
            [SortKey] = Attr.S(ClaimsSortKey),
            ["servers"] = Attr.List(servers.Select(s => Attr.Map(new()
            {
                ["sourceServerId"] = Attr.S(s.SourceServerId), ["accountId"] = Attr.S(s.AccountId), ["region"] = Attr.S(s.Region),
            }))),
        };
        if (expiresAt is { } ttl)
        {
            row["expiresAt"] = Attr.N(ttl);
        }

        return row;
    }

    public static List<SourceServerRef> ClaimedServers(Dictionary<string, AttributeValue>? claimsRow) =>
        claimsRow is null
            ? []
            : claimsRow.GetListOrEmpty("servers").Select(v => new SourceServerRef(v.M.GetS("sourceServerId"), v.M.GetS("accountId"), v.M.GetS("region"))).ToList();

    public static ExecutionRecord FromRows(IReadOnlyList<Dictionary<string, AttributeValue>> rows)
    {
        var header = rows.Single(r => r.GetS(SortKey) == HeaderSortKey);
        var waves = rows.Where(r => r.GetS(SortKey).StartsWith("WAVE#", StringComparison.Ordinal) && !r.GetS(SortKey).Contains("#SERVERS#", StringComparison.Ordinal))
            .OrderBy(r => r.GetS(SortKey), StringComparer.Ordinal)
            .Select(w =>
            {
                var index = (int)w.GetN("waveIndex");
                var prefix = ServerRowKey(index, 0)[..^4];
                var servers = rows.Where(r => r.GetS(SortKey).StartsWith(prefix, StringComparison.Ordinal))
                    .OrderBy(r => r.GetS(SortKey), StringComparer.Ordinal)
                    .SelectMany(r => r.GetListOrEmpty("servers").Select(s => ServerFromMap(s.M)))
                    .ToList();
                return WaveFromRow(w, servers);
            })
            .ToList();

        return new ExecutionRecord
        {
            ExecutionId = header.GetS(ExecutionId),
            PlanId = header.GetS("planId"),
            Plan = RecoveryPlanItemMapper.FromItem(header["plan"].M),
            Type = header.GetEnum<ExecutionType>("type"),
            Status = header.GetEnum<ExecutionStatus>(Status),
            Options = new ExecutionOptions { PauseBeforeFirstWave = header.GetBoolOrNull("pauseBeforeFirstWave") ?? false },
            InitiatedBy = header.GetS("initiatedBy"),
            InvocationSource = header.GetEnum<InvocationSource>("invocationSource"),
            CreatedAt = header.GetTime("createdAt"),
            StartedAt = header.GetTimeOrNull("runStartedAt"),
            EndedAt = header.GetTimeOrNull("endedAt"),
            CurrentWaveIndex = (int?)header.GetNOrNull("currentWaveIndex"),
            PauseRequested = header.GetBoolOrNull("pauseRequested") ?? false,
            Waves = waves,
            WaitingTask = header.GetMapOrNull("waitingTask") is { } task
                ? new WaitingTask(task.GetS("taskToken"), task.GetEnum<WaitPurpose>("purpose"), (int)task.GetN("waveIndex"), task.GetTime("since"))
                : null,
            WorkflowExecutionArn = header.GetSOrNull("workflowExecutionArn"),
            FailureCause = header.GetSOrNull("failureCause"),
            Termination = header.GetMapOrNull("termination") is { } t
                ? new TerminationState
                {
                    Status = t.GetEnum<TerminationStatus>("status"),
                    RequestedBy = t.GetSOrNull("requestedBy"),
                    RequestedAt = t.GetTimeOrNull("requestedAt"),
                    JobIds = t.GetStrings("jobIds"),
                    EndedAt = t.GetTimeOrNull("endedAt"),
                    Message = t.GetSOrNull("message"),
                }
                : TerminationState.None,
            Audit = header.GetListOrEmpty("audit").Select(a => new AuditEntry(
                a.M.GetTime("at"),
                a.M.GetS("actor"),
                a.M.GetEnum<AuditAction>("action"),
                (int?)a.M.GetNOrNull("waveIndex"),
                a.M.GetSOrNull("detail"))).ToList(),
            Version = header.GetN(Version),
        };
    }

    public static ExecutionSummary SummaryFromHeader(Dictionary<string, AttributeValue> header) => new(
        header.GetS(ExecutionId),
        header.GetS("planId"),
        header.GetSOrNull("planName") ?? "",
        header.GetEnum<ExecutionType>("type"),
        header.GetEnum<ExecutionStatus>(Status),
        header.GetS("initiatedBy"),
        header.GetTime("createdAt"),
        header.GetTimeOrNull("runStartedAt"),
        header.GetTimeOrNull("endedAt"),
        (int?)header.GetNOrNull("currentWaveIndex"),
        (int)(header.GetNOrNull("waveCount") ?? 0),
        header.GetN(Version));

    /// <summary>Index sort key: when the run was requested (always set, unlike the first wave's start).</summary>
    public static string IndexTime(ExecutionRecord record) => Attr.FormatTime(record.CreatedAt);

    private static Dictionary<string, AttributeValue> Header(ExecutionRecord record, long version)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [ExecutionId] = Attr.S(record.ExecutionId),
            [SortKey] = Attr.S(HeaderSortKey),
            ["recordType"] = Attr.S(RecordType),
            [Status] = Attr.S(record.Status.ToString()),
            ["planId"] = Attr.S(record.PlanId),
            ["startedAt"] = Attr.S(IndexTime(record)),
            ["planName"] = Attr.S(record.Plan.Name),
            ["plan"] = Attr.Map(RecoveryPlanItemMapper.ToItem(record.Plan, record.Plan.Version)),
            ["type"] = Attr.S(record.Type.ToString()),
            ["pauseBeforeFirstWave"] = Attr.Bool(record.Options.PauseBeforeFirstWave),
            ["initiatedBy"] = Attr.S(record.InitiatedBy),
            ["invocationSource"] = Attr.S(record.InvocationSource.ToString()),
            ["createdAt"] = Attr.Time(record.CreatedAt),
            ["pauseRequested"] = Attr.Bool(record.PauseRequested),
            ["waveCount"] = Attr.N(record.Waves.Count),
            ["audit"] = Attr.List(record.Audit.Select(a =>
            {
                var map = new Dictionary<string, AttributeValue>
                {
                    ["at"] = Attr.Time(a.At), ["actor"] = Attr.S(a.Actor), ["action"] = Attr.S(a.Action.ToString()),
                };
                if (a.WaveIndex is { } w)
                {
                    map["waveIndex"] = Attr.N(w);
                }

                map.PutIfNotNull("detail", a.Detail);
                return Attr.Map(map);
            })),
            ["termination"] = Attr.Map(TerminationToMap(record.Termination)),
            [Version] = Attr.N(version),
        };
        PutTime(item, "runStartedAt", record.StartedAt);
        PutTime(item, "endedAt", record.EndedAt);
        if (record.CurrentWaveIndex is { } current)
        {
            item["currentWaveIndex"] = Attr.N(current);
        }

        if (record.WaitingTask is { } task)
        {
            item["waitingTask"] = Attr.Map(new()
            {
                ["taskToken"] = Attr.S(task.TaskToken), ["purpose"] = Attr.S(task.Purpose.ToString()),
                ["waveIndex"] = Attr.N(task.WaveIndex), ["since"] = Attr.Time(task.Since),
            });
        }

        item.PutIfNotNull("workflowExecutionArn", record.WorkflowExecutionArn);
        item.PutIfNotNull("failureCause", record.FailureCause);
        if (record.Termination.Status == TerminationStatus.InProgress)
        {
            // Present only while the finder must track the termination: the header write that records
            // its end leaves the attribute out, which removes the execution from the index.
            item[Attention] = Attr.S(AttentionTermination);
            item[AttentionAt] = Attr.S(Attr.FormatTime(record.Termination.RequestedAt ?? record.CreatedAt));
        }

        return item;
    }

    /// <summary>
    /// An unpublished event in the execution's partition. It carries the sparse index keys itself, so
    /// deleting the row after the publish is all it takes to leave the index.
    /// </summary>
    public static Dictionary<string, AttributeValue> OutboxRow(string executionId, OutboxEvent outbox, long? expiresAt)
    {
        var published = outbox.Event;
        var time = published.Time ?? throw new ArgumentException("Outbox events carry the time they were produced.", nameof(outbox));
        var row = new Dictionary<string, AttributeValue>
        {
            [ExecutionId] = Attr.S(executionId),
            [SortKey] = Attr.S(OutboxSortKey(outbox.EventId)),
            ["eventId"] = Attr.S(outbox.EventId),
            ["detailType"] = Attr.S(published.DetailType),
            ["detail"] = Attr.S(published.DetailJson),
            ["eventTime"] = Attr.Time(time),
            [Attention] = Attr.S(AttentionOutbox),
            [AttentionAt] = Attr.S(Attr.FormatTime(time)),
        };
        if (published.Resources is { Count: > 0 } resources)
        {
            row["resources"] = Attr.Strings(resources);
        }

        if (expiresAt is { } ttl)
        {
            row["expiresAt"] = Attr.N(ttl);
        }

        return row;
    }

    public static OutboxEvent OutboxFromRow(Dictionary<string, AttributeValue> row) => new(
        row.GetS("eventId"),
        new PublishedEvent(
            row.GetS("detailType"),
            row.GetS("detail"),
            row.ContainsKey("resources") ? row.GetStrings("resources") : null,
            row.GetTime("eventTime")),
        (int)(row.GetNOrNull(Attempts) ?? 0),
        row.GetTimeOrNull(LastAttemptAt));

    /// <summary>
    /// The outbox row as kept once the outbox gave up on it: the event as it was, the last rejection, and
    /// the index keys moved to <see cref="AttentionUndeliverable"/> (its TTL, if any, is kept).
    /// </summary>
    public static Dictionary<string, AttributeValue> UndeliverableRow(Dictionary<string, AttributeValue> outboxRow, OutboxRejection rejection)
    {
        var row = new Dictionary<string, AttributeValue>(outboxRow, StringComparer.Ordinal)
        {
            [SortKey] = Attr.S(UndeliverableSortKeyPrefix + rejection.EventId),
            [Attempts] = Attr.N(rejection.PreviousAttempts + 1),
            [LastErrorCode] = Attr.S(rejection.ErrorCode),
            [LastAttemptAt] = Attr.Time(rejection.At),
            [Attention] = Attr.S(AttentionUndeliverable),
            [AttentionAt] = Attr.S(Attr.FormatTime(rejection.At)),
        };
        row.Remove(LastErrorMessage);
        row.PutIfNotNull(LastErrorMessage, rejection.ErrorMessage);
        return row;
    }

    public static UndeliverableEvent UndeliverableFromRow(Dictionary<string, AttributeValue> row) => new(
        row.GetS("eventId"),
        row.GetS("detailType"),
        row.GetTime("eventTime"),
        (int)row.GetN(Attempts),
        row.GetS(LastErrorCode),
        row.GetSOrNull(LastErrorMessage),
        row.GetTime(LastAttemptAt));

    public static bool IsOutboxRow(Dictionary<string, AttributeValue> row) =>
        row.GetSOrNull(SortKey) is { } sk && sk.StartsWith(OutboxSortKeyPrefix, StringComparison.Ordinal);

    /// <summary>Event IDs embed the zero-padded version, so rows sort oldest state change first.</summary>
    public static string OutboxSortKey(string eventId) => OutboxSortKeyPrefix + eventId;

    private static Dictionary<string, AttributeValue> TerminationToMap(TerminationState t)
    {
        var map = new Dictionary<string, AttributeValue> { ["status"] = Attr.S(t.Status.ToString()), ["jobIds"] = Attr.Strings(t.JobIds) };
        map.PutIfNotNull("requestedBy", t.RequestedBy);
        PutTime(map, "requestedAt", t.RequestedAt);
        PutTime(map, "endedAt", t.EndedAt);
        map.PutIfNotNull("message", t.Message);
        return map;
    }

    private static Dictionary<string, AttributeValue> WaveRow(string executionId, WaveRecord wave, int serverRows)
    {
        var row = new Dictionary<string, AttributeValue>
        {
            [ExecutionId] = Attr.S(executionId),
            [SortKey] = Attr.S(WaveRowKey(wave.WaveIndex)),
            ["waveIndex"] = Attr.N(wave.WaveIndex),
            ["name"] = Attr.S(wave.Name),
            ["waveStatus"] = Attr.S(wave.Status.ToString()),
            ["serverRows"] = Attr.N(serverRows),
            ["jobs"] = Attr.List(wave.Jobs.Select(j =>
            {
                var map = new Dictionary<string, AttributeValue>
                {
                    ["requestId"] = Attr.S(j.RequestId), ["accountId"] = Attr.S(j.AccountId), ["region"] = Attr.S(j.Region),
                    ["sourceServerIds"] = Attr.Strings(j.SourceServerIds), ["intentRecordedAt"] = Attr.Time(j.IntentRecordedAt),
                };
                map.PutIfNotNull("jobId", j.JobId);
                map.PutIfNotNull("status", j.Status?.ToString());
                PutTime(map, "startedAt", j.StartedAt);
                PutTime(map, "endedAt", j.EndedAt);
                return Attr.Map(map);
            })),
        };
        PutTime(row, "waveStartedAt", wave.StartedAt);
        PutTime(row, "waveEndedAt", wave.EndedAt);
        row.PutIfNotNull("failureReason", wave.FailureReason);
        return row;
    }

    private static WaveRecord WaveFromRow(Dictionary<string, AttributeValue> row, List<ServerRecord> servers) => new()
    {
        WaveIndex = (int)row.GetN("waveIndex"),
        Name = row.GetS("name"),
        Status = row.GetEnum<WaveStatus>("waveStatus"),
        StartedAt = row.GetTimeOrNull("waveStartedAt"),
        EndedAt = row.GetTimeOrNull("waveEndedAt"),
        Jobs = row.GetListOrEmpty("jobs").Select(j => new DrsJobRecord
        {
            RequestId = j.M.GetS("requestId"),
            AccountId = j.M.GetS("accountId"),
            Region = j.M.GetS("region"),
            SourceServerIds = j.M.GetStrings("sourceServerIds"),
            JobId = j.M.GetSOrNull("jobId"),
            Status = j.M.GetEnumOrNull<DrsJobStatus>("status"),
            IntentRecordedAt = j.M.GetTime("intentRecordedAt"),
            StartedAt = j.M.GetTimeOrNull("startedAt"),
            EndedAt = j.M.GetTimeOrNull("endedAt"),
        }).ToList(),
        Servers = servers,
        FailureReason = row.GetSOrNull("failureReason"),
    };

    private static Dictionary<string, AttributeValue> ServerToMap(ServerRecord s)
    {
        var map = new Dictionary<string, AttributeValue>
        {
            ["sourceServerId"] = Attr.S(s.SourceServerId), ["accountId"] = Attr.S(s.AccountId), ["region"] = Attr.S(s.Region),
            ["criticality"] = Attr.S(s.Criticality.ToString()), ["launchStatus"] = Attr.S(s.LaunchStatus.ToString()),
        };
        map.PutIfNotNull("jobId", s.JobId);
        map.PutIfNotNull("recoveryInstanceId", s.RecoveryInstanceId);
        map.PutIfNotNull("ec2InstanceId", s.Ec2InstanceId);
        PutTime(map, "launchStartedAt", s.LaunchStartedAt);
        PutTime(map, "launchEndedAt", s.LaunchEndedAt);
        map.PutIfNotNull("failureReason", s.FailureReason);
        return map;
    }

    private static ServerRecord ServerFromMap(Dictionary<string, AttributeValue> m) => new()
    {
        SourceServerId = m.GetS("sourceServerId"),
        AccountId = m.GetS("accountId"),
        Region = m.GetS("region"),
        Criticality = m.GetEnum<ServerCriticality>("criticality"),
        LaunchStatus = m.GetEnum<ServerLaunchStatus>("launchStatus"),
        JobId = m.GetSOrNull("jobId"),
        RecoveryInstanceId = m.GetSOrNull("recoveryInstanceId"),
        Ec2InstanceId = m.GetSOrNull("ec2InstanceId"),
        LaunchStartedAt = m.GetTimeOrNull("launchStartedAt"),
        LaunchEndedAt = m.GetTimeOrNull("launchEndedAt"),
        FailureReason = m.GetSOrNull("failureReason"),
    };

    private static string WaveRowKey(int waveIndex) => string.Create(CultureInfo.InvariantCulture, $"WAVE#{waveIndex:D4}");

    private static string ServerRowKey(int waveIndex, int chunk) => string.Create(CultureInfo.InvariantCulture, $"WAVE#{waveIndex:D4}#SERVERS#{chunk:D4}");

    private static void PutTime(Dictionary<string, AttributeValue> item, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            item[name] = Attr.Time(v);
        }
    }
}
