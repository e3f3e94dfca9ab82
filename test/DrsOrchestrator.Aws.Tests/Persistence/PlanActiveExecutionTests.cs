using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence.Executions;
using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Aws.Persistence.RecoveryPlans;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Aws.Tests.Persistence;

/// <summary>A plan's update and delete are refused by their own transaction while an execution of the plan holds its claim.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class PlanActiveExecutionTests(DynamoDbLocalFixture fixture) : PersistenceTestContext(fixture)
{
    private DynamoDbProtectionGroupRepository Groups => new(Client, Options, Time);

    private DynamoDbRecoveryPlanRepository Plans => new(Client, Options, Time);

    private DynamoDbExecutionRepository Executions => new(Client, Options, Time);

    [Fact]
    public async Task UpdateAsync_ExecutionOfPlanActive_ThrowsPlanHasActiveExecutionAndChangesNothing()
    {
        var (kept, dropped) = (await NewGroupAsync(), await NewGroupAsync());
        var plan = await Plans.CreateAsync(ExecutionBuilder.Plan(TestIds.Plan(), [kept, dropped]), default);
        var execution = await StartExecutionAsync(plan.PlanId);

        var error = await Assert.ThrowsAsync<DomainException>(() => Plans.UpdateAsync(Dropping(plan, kept), default));

        Assert.Equal(ErrorCodes.PlanHasActiveExecution, error.Code);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal(execution.ExecutionId, error.Details!["activeExecutionId"]);
        Assert.Equal(plan.Version, (await Plans.GetAsync(plan.PlanId, default))!.Version);
        Assert.Equal([plan.PlanId], await PlansReferencingAsync(dropped));
        Assert.Equal(ErrorCodes.ProtectionGroupInUse, (await Assert.ThrowsAsync<DomainException>(() => DeleteGroupAsync(dropped))).Code);
    }

    [Fact]
    public async Task DeleteAsync_ExecutionOfPlanActive_ThrowsPlanHasActiveExecutionAndChangesNothing()
    {
        var group = await NewGroupAsync();
        var plan = await Plans.CreateAsync(ExecutionBuilder.Plan(TestIds.Plan(), [group]), default);
        var execution = await StartExecutionAsync(plan.PlanId);

        var error = await Assert.ThrowsAsync<DomainException>(() => Plans.DeleteAsync(plan.PlanId, plan.Version, default));

        Assert.Equal(ErrorCodes.PlanHasActiveExecution, error.Code);
        Assert.Equal(execution.ExecutionId, error.Details!["activeExecutionId"]);
        Assert.NotNull(await Plans.GetAsync(plan.PlanId, default));
        Assert.Equal([plan.PlanId], await PlansReferencingAsync(group));
        Assert.Equal(ErrorCodes.ProtectionGroupInUse, (await Assert.ThrowsAsync<DomainException>(() => DeleteGroupAsync(group))).Code);
    }

    [Fact]
    public async Task UpdateAndDeleteAsync_AfterTheExecutionEnds_Succeed()
    {
        var (kept, dropped) = (await NewGroupAsync(), await NewGroupAsync());
        var plan = await Plans.CreateAsync(ExecutionBuilder.Plan(TestIds.Plan(), [kept, dropped]), default);
        var execution = await StartExecutionAsync(plan.PlanId);
        await Assert.ThrowsAsync<DomainException>(() => Plans.UpdateAsync(Dropping(plan, kept), default));

        execution.RequestCancel("operator@example.test", ExecutionBuilder.Now);
        await Executions.SaveAsync(execution, default);
        var updated = await Plans.UpdateAsync(Dropping(plan, kept), default);
        await DeleteGroupAsync(dropped);
        await Plans.DeleteAsync(plan.PlanId, updated.Version, default);

        Assert.Equal(ExecutionStatus.Cancelled, (await Executions.GetAsync(execution.ExecutionId, default))!.Status);
        Assert.Null(await Plans.GetAsync(plan.PlanId, default));
        Assert.Empty(await PlansReferencingAsync(kept));
    }

    private static RecoveryPlan Dropping(RecoveryPlan plan, string kept) =>
        ExecutionBuilder.Plan(plan.PlanId, [kept]) with { Name = plan.Name, Version = plan.Version };

    private Task<Execution> StartExecutionAsync(string planId) =>
        Executions.CreateAsync(new ExecutionBuilder().ForPlan(planId).Build(), ExecutionBuilder.Servers(1), default);

    private async Task<string> NewGroupAsync() => (await Groups.CreateAsync(new ProtectionGroupBuilder().Build(), default)).GroupId;

    private async Task DeleteGroupAsync(string groupId)
    {
        var group = (await Groups.GetAsync(groupId, default))!;
        await Groups.DeleteAsync(groupId, group.Version, default);
    }

    private async Task<List<string>> PlansReferencingAsync(string groupId)
    {
        var response = await Client.GetItemAsync(new GetItemRequest
        {
            TableName = Tables.Locks,
            Key = new() { ["lockKey"] = new AttributeValue { S = "PG_REFS#" + groupId } },
            ConsistentRead = true,
        });
        return response.Item?.GetValueOrDefault("planIds")?.SS ?? [];
    }
}
