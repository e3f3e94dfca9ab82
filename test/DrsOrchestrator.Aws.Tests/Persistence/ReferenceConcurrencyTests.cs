using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence.Accounts;
using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Aws.Persistence.RecoveryPlans;
using DrsOrchestrator.Domain.Accounts;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Aws.Tests.Persistence;

/// <summary>References hold under real contention on DynamoDB Local: a delete and a referencing write never both win.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class ReferenceConcurrencyTests(DynamoDbLocalFixture fixture) : PersistenceTestContext(fixture)
{
    private const int Writers = 20;

    /// <summary>These tests scan whole tables to check the final state.</summary>
    protected override bool FreshTablesPerTest => true;

    private DynamoDbProtectionGroupRepository Groups => new(Client, Options, Time);

    private DynamoDbRecoveryPlanRepository Plans => new(Client, Options, Time);

    private DynamoDbTargetAccountRepository Accounts => new(Client, Options);

    [Theory]
    [InlineData(0)]
    [InlineData(Writers / 2)]
    [InlineData(Writers)]
    public async Task PlanCreates_TwentyRacingDeleteOfTheirGroup_NeverBothSucceed(int deleteStartsAfter)
    {
        var group = await Groups.CreateAsync(new ProtectionGroupBuilder().Build(), default);
        var plans = Enumerable.Range(0, Writers).Select(_ => ExecutionBuilder.Plan(TestIds.Plan(), [group.GroupId])).ToList();
        var writes = plans.Select(p => (Func<Task>)(() => Plans.CreateAsync(p, default))).ToList();
        writes.Insert(deleteStartsAfter, () => Groups.DeleteAsync(group.GroupId, group.Version, default));

        var outcomes = await Task.WhenAll(writes.Select(w => Task.Run(() => CaptureAsync(w))));

        var deleteOutcome = outcomes[deleteStartsAfter];
        var planOutcomes = outcomes.Where((_, i) => i != deleteStartsAfter).ToList();
        var created = plans.Where((_, i) => planOutcomes[i] is null).Select(p => p.PlanId).ToHashSet();
        Assert.All(planOutcomes.OfType<DomainException>(), e => Assert.Equal(ErrorCodes.UnknownProtectionGroup, e.Code));
        var storedPlans = (await ScanAllAsync(Tables.RecoveryPlans)).Select(i => i["planId"].S).ToHashSet();
        Assert.Equal(created, storedPlans);
        if (deleteOutcome is null)
        {
            Assert.Empty(created);
            Assert.Null(await Groups.GetAsync(group.GroupId, default));
            Assert.Null(await GetLockAsync("PG_REFS#" + group.GroupId));
        }
        else
        {
            Assert.Equal(ErrorCodes.ProtectionGroupInUse, deleteOutcome.Code);
            Assert.NotEmpty(created);
            Assert.NotNull(await Groups.GetAsync(group.GroupId, default));
            Assert.Equal(created, (await GetLockAsync("PG_REFS#" + group.GroupId))!["planIds"].SS.ToHashSet());
            Assert.Subset(created, ((string[])deleteOutcome.Details!["planIds"]!).ToHashSet());
        }
    }

    [Fact]
    public async Task PlanUpdates_TwentyDroppingGroupRacingItsDelete_GroupGoesOnlyOnceNoPlanNamesIt()
    {
        var leaving = await Groups.CreateAsync(new ProtectionGroupBuilder().Build(), default);
        var staying = await Groups.CreateAsync(new ProtectionGroupBuilder().Build(), default);
        var plans = new List<RecoveryPlan>();
        for (var i = 0; i < Writers; i++)
        {
            plans.Add(await Plans.CreateAsync(ExecutionBuilder.Plan(TestIds.Plan(), [leaving.GroupId, staying.GroupId]), default));
        }

        var updates = plans.Select(p => Task.Run(() =>
            Plans.UpdateAsync(ExecutionBuilder.Plan(p.PlanId, [staying.GroupId]) with { Name = p.Name, Version = p.Version }, default))).ToList();
        var deleteAttempts = new List<DomainException?>();
        while (deleteAttempts.Count == 0 || deleteAttempts[^1] is not null)
        {
            deleteAttempts.Add(await CaptureAsync(() => Groups.DeleteAsync(leaving.GroupId, leaving.Version, default)));
        }

        // The delete won, so at that moment every one of the 20 plans had already let go (updates only drop it).
        var atDelete = await StoredPlanGroupsAsync();
        await Task.WhenAll(updates);

        Assert.All(deleteAttempts.OfType<DomainException>(), e => Assert.Equal(ErrorCodes.ProtectionGroupInUse, e.Code));
        Assert.Null(await Groups.GetAsync(leaving.GroupId, default));
        Assert.Equal(Writers, atDelete.Count);
        Assert.All(atDelete, groups => Assert.Equal([staying.GroupId], groups));
        Assert.Equal(plans.Select(p => p.PlanId).ToHashSet(), (await GetLockAsync("PG_REFS#" + staying.GroupId))!["planIds"].SS.ToHashSet());
    }

    [Fact]
    public async Task GroupCreates_TwentyRacingAccountDelete_ReferencesMatchTheStoredGroups()
    {
        var account = await Accounts.CreateAsync(NewAccount("666600000001"), default);
        var groups = Enumerable.Range(0, Writers).Select(_ => new ProtectionGroupBuilder().InAccount(account.AccountId, "us-east-1").Build()).ToList();
        var writes = groups.Select(g => (Func<Task>)(() => Groups.CreateAsync(g, default))).ToList();
        writes.Insert(Writers / 2, () => Accounts.DeleteAsync(account.AccountId, account.Version, default));

        var outcomes = await Task.WhenAll(writes.Select(w => Task.Run(() => CaptureAsync(w))));

        var deleteOutcome = outcomes[Writers / 2];
        Assert.All(outcomes.Where((_, i) => i != Writers / 2), Assert.Null);
        var storedGroups = (await ScanAllAsync(Tables.ProtectionGroups)).Select(i => i["groupId"].S).ToHashSet();
        Assert.Equal(groups.Select(g => g.GroupId).ToHashSet(), storedGroups);
        Assert.Equal(storedGroups, (await GetLockAsync("ACCOUNT_REFS#" + account.AccountId))!["groupIds"].SS.ToHashSet());
        if (deleteOutcome is not null)
        {
            // Refused: the account is still registered, and the refusal named only groups that really exist.
            Assert.Equal(ErrorCodes.AccountInUse, deleteOutcome.Code);
            Assert.NotNull(await Accounts.GetAsync(account.AccountId, default));
            Assert.Subset(storedGroups, ((string[])deleteOutcome.Details!["protectionGroupIds"]!).ToHashSet());
        }
    }

    [Fact]
    public async Task GroupMoves_TwentyRacingAccountDelete_AccountGoesOnlyAfterEveryGroupLeft()
    {
        var account = await Accounts.CreateAsync(NewAccount("666600000002"), default);
        var groups = new List<Domain.ProtectionGroups.ProtectionGroup>();
        for (var i = 0; i < Writers; i++)
        {
            groups.Add(await Groups.CreateAsync(new ProtectionGroupBuilder().InAccount(account.AccountId, "us-east-1").Build(), default));
        }

        var moves = groups.Select(g => Task.Run(() => Groups.UpdateAsync(g with { AccountId = "666600000003" }, default))).ToList();
        while (await CaptureAsync(() => Accounts.DeleteAsync(account.AccountId, account.Version, default)) is { } refused)
        {
            Assert.Equal(ErrorCodes.AccountInUse, refused.Code);
            Assert.NotEmpty((string[])refused.Details!["protectionGroupIds"]!);
        }

        // The delete won, so at that moment every group had already moved (moves only take groups away).
        var accountsAtDelete = (await ScanAllAsync(Tables.ProtectionGroups)).Select(i => i["accountId"].S).ToList();
        await Task.WhenAll(moves);

        Assert.Equal(Writers, accountsAtDelete.Count);
        Assert.All(accountsAtDelete, a => Assert.Equal("666600000003", a));
        Assert.Null(await Accounts.GetAsync(account.AccountId, default));
        Assert.Null(await GetLockAsync("ACCOUNT_REFS#" + account.AccountId));
        Assert.Equal(groups.Select(g => g.GroupId).ToHashSet(), (await GetLockAsync("ACCOUNT_REFS#666600000003"))!["groupIds"].SS.ToHashSet());
    }

    private async Task<List<List<string>>> StoredPlanGroupsAsync() =>
        (await ScanAllAsync(Tables.RecoveryPlans))
            .Select(i => i["waves"].L.SelectMany(w => w.M["protectionGroupIds"].L).Select(g => g.S).ToList())
            .ToList();

    private static TargetAccount NewAccount(string id) => TargetAccount.Create(
        new TargetAccountDraft { AccountId = id, Name = "spoke " + id, RoleArn = $"arn:aws:iam::{id}:role/Spoke", ExternalId = "ext-" + id, Regions = ["us-east-1"] },
        "admin@example.test",
        ExecutionBuilder.Now);

    private async Task<Dictionary<string, AttributeValue>?> GetLockAsync(string lockKey)
    {
        var response = await Client.GetItemAsync(new GetItemRequest
        {
            TableName = Tables.Locks,
            Key = new() { ["lockKey"] = new AttributeValue { S = lockKey } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item : null;
    }

    private static async Task<DomainException?> CaptureAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException ex)
        {
            return ex;
        }
    }
}
