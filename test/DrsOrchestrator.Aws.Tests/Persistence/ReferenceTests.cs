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

/// <summary>Plans hold references on their groups and groups on their account, written and released with them.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class ReferenceTests(DynamoDbLocalFixture fixture) : PersistenceTestContext(fixture)
{
    private static int _nextAccount;

    private DynamoDbProtectionGroupRepository Groups => new(Client, Options, Time);

    private DynamoDbRecoveryPlanRepository Plans => new(Client, Options, Time);

    private DynamoDbTargetAccountRepository Accounts => new(Client, Options);

    [Fact]
    public async Task PlanCreateAsync_OneGroupMissing_ThrowsUnknownProtectionGroupAndWritesNothing()
    {
        var real = await NewGroupAsync();
        var plan = ExecutionBuilder.Plan(TestIds.Plan(), [real, TestIds.Group()]);

        var error = await Assert.ThrowsAsync<DomainException>(() => Plans.CreateAsync(plan, default));

        Assert.Equal(ErrorCodes.UnknownProtectionGroup, error.Code);
        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Null(await Plans.GetAsync(plan.PlanId, default));
        Assert.Empty(await PlansReferencingAsync(real));
        await Plans.CreateAsync(ExecutionBuilder.Plan(TestIds.Plan(), [real]) with { Name = plan.Name }, default); // the name claim was not taken
    }

    [Fact]
    public async Task GroupDeleteAsync_ReferencedByPlan_ThrowsPgInUseUntilThePlanIsDeleted()
    {
        var group = await Groups.CreateAsync(new ProtectionGroupBuilder().Build(), default);
        var plan = await Plans.CreateAsync(ExecutionBuilder.Plan(TestIds.Plan(), [group.GroupId]), default);

        var error = await Assert.ThrowsAsync<DomainException>(() => Groups.DeleteAsync(group.GroupId, group.Version, default));
        await Plans.DeleteAsync(plan.PlanId, plan.Version, default);
        await Groups.DeleteAsync(group.GroupId, group.Version, default);

        Assert.Equal(ErrorCodes.ProtectionGroupInUse, error.Code);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal([plan.PlanId], (string[])error.Details!["planIds"]!);
        Assert.Null(await Groups.GetAsync(group.GroupId, default));
        Assert.Null(await GetLockAsync("PG_REFS#" + group.GroupId));
    }

    [Fact]
    public async Task GroupUpdateAsync_FullPutOfReferencedGroup_KeepsThePlansReference()
    {
        var group = await Groups.CreateAsync(new ProtectionGroupBuilder().Build(), default);
        await Plans.CreateAsync(ExecutionBuilder.Plan(TestIds.Plan(), [group.GroupId]), default);

        var updated = await Groups.UpdateAsync(group with { Description = "rewritten in full" }, default);
        var error = await Assert.ThrowsAsync<DomainException>(() => Groups.DeleteAsync(group.GroupId, updated.Version, default));

        Assert.Equal(ErrorCodes.ProtectionGroupInUse, error.Code);
    }

    [Fact]
    public async Task PlanUpdateAsync_SwappingGroups_ReleasesOnlyTheDroppedGroup()
    {
        var (g1, g2, g3) = (await NewGroupAsync(), await NewGroupAsync(), await NewGroupAsync());
        var plan = await Plans.CreateAsync(ExecutionBuilder.Plan(TestIds.Plan(), [g1, g2]), default);

        var swapped = ExecutionBuilder.Plan(plan.PlanId, [g2, g3]);
        await Plans.UpdateAsync(swapped with { Name = plan.Name, Version = plan.Version }, default);

        Assert.Empty(await PlansReferencingAsync(g1));
        Assert.Equal([plan.PlanId], await PlansReferencingAsync(g2));
        Assert.Equal([plan.PlanId], await PlansReferencingAsync(g3));
        await DeleteGroupAsync(g1);
        Assert.Equal(ErrorCodes.ProtectionGroupInUse, (await Assert.ThrowsAsync<DomainException>(() => DeleteGroupAsync(g2))).Code);
    }

    [Fact]
    public async Task PlanUpdateAsync_AddingGroupDeletedMeanwhile_ThrowsUnknownProtectionGroupAndKeepsThePlan()
    {
        var (kept, doomed) = (await NewGroupAsync(), await NewGroupAsync());
        var plan = await Plans.CreateAsync(ExecutionBuilder.Plan(TestIds.Plan(), [kept]), default);
        await DeleteGroupAsync(doomed);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Plans.UpdateAsync(ExecutionBuilder.Plan(plan.PlanId, [kept, doomed]) with { Name = plan.Name, Version = plan.Version }, default));

        Assert.Equal(ErrorCodes.UnknownProtectionGroup, error.Code);
        Assert.Equal(1, (await Plans.GetAsync(plan.PlanId, default))!.Version);
        Assert.Null(await GetLockAsync("PG_REFS#" + doomed));
    }

    [Fact]
    public async Task PlanDeleteAsync_ReleasesEveryGroup()
    {
        var groups = new[] { await NewGroupAsync(), await NewGroupAsync(), await NewGroupAsync() };
        var other = await Plans.CreateAsync(ExecutionBuilder.Plan(TestIds.Plan(), [groups[0]]), default);
        var plan = await Plans.CreateAsync(ExecutionBuilder.Plan(TestIds.Plan(), groups), default);

        await Plans.DeleteAsync(plan.PlanId, plan.Version, default);

        Assert.Equal([other.PlanId], await PlansReferencingAsync(groups[0]));
        Assert.Empty(await PlansReferencingAsync(groups[1]));
        await DeleteGroupAsync(groups[1]);
        await DeleteGroupAsync(groups[2]);
    }

    [Fact]
    public async Task PlanCreateAsync_MoreGroupsThanOneTransactionHolds_ThrowsLimitExceeded()
    {
        // The domain refuses such a draft first; a plan built past it still meets the repository's own guard.
        var groups = Enumerable.Range(0, RecoveryPlanLimits.MaxProtectionGroups + 1).Select(_ => TestIds.Group()).ToList();
        var valid = ExecutionBuilder.Plan(TestIds.Plan(), groups[..^1]);
        var plan = valid with { Waves = [.. valid.Waves, new PlanWave { Name = "one too many", ProtectionGroupIds = [groups[^1]] }] };

        var error = await Assert.ThrowsAsync<DomainException>(() => Plans.CreateAsync(plan, default));

        Assert.Equal(ErrorCodes.LimitExceeded, error.Code);
        Assert.Null(await Plans.GetAsync(plan.PlanId, default));
    }

    [Fact]
    public async Task AccountDeleteAsync_GroupInAccount_ThrowsAccountInUseUntilTheGroupMoves()
    {
        var account = await Accounts.CreateAsync(NewAccount(), default);
        var group = await Groups.CreateAsync(new ProtectionGroupBuilder().InAccount(account.AccountId, "us-east-1").Build(), default);

        var error = await Assert.ThrowsAsync<DomainException>(() => Accounts.DeleteAsync(account.AccountId, account.Version, default));
        await Groups.UpdateAsync(group with { AccountId = "999988887777" }, default);
        await Accounts.DeleteAsync(account.AccountId, account.Version, default);

        Assert.Equal(ErrorCodes.AccountInUse, error.Code);
        Assert.Equal([group.GroupId], (string[])error.Details!["protectionGroupIds"]!);
        Assert.Null(await Accounts.GetAsync(account.AccountId, default));
        Assert.Null(await GetLockAsync("ACCOUNT_REFS#" + account.AccountId));
        Assert.Contains(group.GroupId, (await GetLockAsync("ACCOUNT_REFS#999988887777"))!["groupIds"].SS);
    }

    [Fact]
    public async Task AccountDeleteAsync_AfterItsGroupIsDeleted_Succeeds()
    {
        var account = await Accounts.CreateAsync(NewAccount(), default);
        var group = await Groups.CreateAsync(new ProtectionGroupBuilder().InAccount(account.AccountId, "us-west-2").Build(), default);

        await Groups.DeleteAsync(group.GroupId, group.Version, default);
        await Accounts.DeleteAsync(account.AccountId, account.Version, default);

        Assert.Null(await Accounts.GetAsync(account.AccountId, default));
    }

    [Fact]
    public async Task AccountDeleteAsync_StaleVersionAndInUse_ReportsVersionConflictFirst()
    {
        var account = await Accounts.CreateAsync(NewAccount(), default);
        await Groups.CreateAsync(new ProtectionGroupBuilder().InAccount(account.AccountId, "us-east-1").Build(), default);
        await Accounts.UpdateAsync(account with { Name = "renamed" }, default);

        var error = await Assert.ThrowsAsync<DomainException>(() => Accounts.DeleteAsync(account.AccountId, account.Version, default));

        Assert.Equal(ErrorCodes.VersionConflict, error.Code);
    }

    private static TargetAccount NewAccount()
    {
        var id = "5555" + Interlocked.Increment(ref _nextAccount).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        return TargetAccount.Create(
            new TargetAccountDraft { AccountId = id, Name = "spoke " + id, RoleArn = $"arn:aws:iam::{id}:role/Spoke", ExternalId = "ext-" + id, Regions = ["us-east-1"] },
            "admin@example.test",
            ExecutionBuilder.Now);
    }

    private async Task<string> NewGroupAsync() => (await Groups.CreateAsync(new ProtectionGroupBuilder().Build(), default)).GroupId;

    private async Task DeleteGroupAsync(string groupId)
    {
        var group = (await Groups.GetAsync(groupId, default))!;
        await Groups.DeleteAsync(groupId, group.Version, default);
    }

    private async Task<List<string>> PlansReferencingAsync(string groupId) =>
        (await GetLockAsync("PG_REFS#" + groupId))?.GetValueOrDefault("planIds")?.SS ?? [];

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
}
