using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Aws.Persistence.Claims;

/// <summary>
/// Reference items in the locks table, so "a plan names only existing groups" and "a group or account in use
/// is not deleted" are enforced by DynamoDB conditions inside the writers' own transactions, never by a
/// read-then-delete.
/// </summary>
/// <remarks>
/// <c>PG_REFS#group</c> exists exactly while the group does (written by the group's create, removed by its
/// delete) and holds the string set <c>planIds</c>; <c>ACCOUNT_REFS#account</c> holds the string set
/// <c>groupIds</c>. Like claims, every reference item names its owner (the group, or the account) for operators
/// reading the table. Set ADD and DELETE are idempotent, so a reference is never counted twice or driven
/// negative, and the items live apart from the aggregates, so a full put of a group or account never
/// overwrites them. DynamoDB removes an emptied set attribute, which is what the delete conditions test.
/// </remarks>
internal sealed class ReferenceWrites(string locksTable)
{
    public const string PlanIds = "planIds";
    public const string GroupIds = "groupIds";

    /// <summary>Marks the group's reference item as live; plans may reference the group only while it is.</summary>
    public const string GroupAnchor = "groupId";

    /// <summary>Creates the group's reference item; an update expression, so it never touches existing references.</summary>
    public GuardedWrite OpenGroup(string groupId) => Write(
        new Update
        {
            TableName = locksTable,
            Key = Key(ClaimKeys.GroupReferences(groupId)),
            UpdateExpression = "SET #anchor = :g, #type = :type, #owner = :g",
            ExpressionAttributeNames = new() { ["#anchor"] = GroupAnchor, ["#type"] = LockAttributes.OwnerType, ["#owner"] = LockAttributes.OwnerId },
            ExpressionAttributeValues = new() { [":g"] = Attr.S(groupId), [":type"] = Attr.S(ClaimKeys.GroupOwner) },
        },
        _ => Unexpected(ClaimKeys.GroupReferences(groupId)));

    /// <summary>Removes the group's reference item if no plan references the group.</summary>
    public GuardedWrite CloseGroup(string groupId, string groupName) => new(
        new TransactWriteItem
        {
            Delete = new Delete
            {
                TableName = locksTable,
                Key = Key(ClaimKeys.GroupReferences(groupId)),
                ConditionExpression = "attribute_not_exists(#refs)",
                ExpressionAttributeNames = new() { ["#refs"] = PlanIds },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
        },
        old =>
        {
            var planIds = Referrers(old, PlanIds);
            return DomainException.Conflict(
                ErrorCodes.ProtectionGroupInUse,
                $"Protection group '{groupName}' is used by {planIds.Length} recovery plan(s): {string.Join(", ", planIds.Take(5))}.",
                new Dictionary<string, object?> { ["groupId"] = groupId, ["planIds"] = planIds });
        });

    /// <summary>Records that the plan names the group, on condition that the group exists.</summary>
    public GuardedWrite ReferenceGroup(string planId, string groupId, string field) => Write(
        new Update
        {
            TableName = locksTable,
            Key = Key(ClaimKeys.GroupReferences(groupId)),
            UpdateExpression = "ADD #refs :p",
            ConditionExpression = "attribute_exists(#anchor)",
            ExpressionAttributeNames = new() { ["#refs"] = PlanIds, ["#anchor"] = GroupAnchor },
            ExpressionAttributeValues = new() { [":p"] = new AttributeValue { SS = [planId] } },
        },
        _ => ValidationProblems.ToException("Recovery plan", [new ValidationProblem(field, ErrorCodes.UnknownProtectionGroup, $"Protection group '{groupId}' does not exist.")]));

    /// <summary>
    /// Drops the plan's reference. Unconditional: a plan must always be deletable, and removing an absent
    /// element is a no-op (on a missing item it leaves only a bare key, which never counts as a live group).
    /// </summary>
    public GuardedWrite ReleaseGroup(string planId, string groupId) => Write(
        new Update
        {
            TableName = locksTable,
            Key = Key(ClaimKeys.GroupReferences(groupId)),
            UpdateExpression = "DELETE #refs :p SET #type = :type, #owner = :g",
            ExpressionAttributeNames = new() { ["#refs"] = PlanIds, ["#type"] = LockAttributes.OwnerType, ["#owner"] = LockAttributes.OwnerId },
            ExpressionAttributeValues = new() { [":p"] = new AttributeValue { SS = [planId] }, [":type"] = Attr.S(ClaimKeys.GroupOwner), [":g"] = Attr.S(groupId) },
        },
        _ => Unexpected(ClaimKeys.GroupReferences(groupId)));

    /// <summary>
    /// Records that the group is in the account. Unconditional: a group may name an account that is not
    /// registered (the hub's own account is used without registration).
    /// </summary>
    public GuardedWrite ReferenceAccount(string groupId, string accountId) => Write(
        new Update
        {
            TableName = locksTable,
            Key = Key(ClaimKeys.AccountReferences(accountId)),
            UpdateExpression = "ADD #refs :g SET #type = :type, #owner = :a",
            ExpressionAttributeNames = new() { ["#refs"] = GroupIds, ["#type"] = LockAttributes.OwnerType, ["#owner"] = LockAttributes.OwnerId },
            ExpressionAttributeValues = new() { [":g"] = new AttributeValue { SS = [groupId] }, [":type"] = Attr.S(ClaimKeys.AccountOwner), [":a"] = Attr.S(accountId) },
        },
        _ => Unexpected(ClaimKeys.AccountReferences(accountId)));

    public GuardedWrite ReleaseAccount(string groupId, string accountId) => Write(
        new Update
        {
            TableName = locksTable,
            Key = Key(ClaimKeys.AccountReferences(accountId)),
            UpdateExpression = "DELETE #refs :g SET #type = :type, #owner = :a",
            ExpressionAttributeNames = new() { ["#refs"] = GroupIds, ["#type"] = LockAttributes.OwnerType, ["#owner"] = LockAttributes.OwnerId },
            ExpressionAttributeValues = new() { [":g"] = new AttributeValue { SS = [groupId] }, [":type"] = Attr.S(ClaimKeys.AccountOwner), [":a"] = Attr.S(accountId) },
        },
        _ => Unexpected(ClaimKeys.AccountReferences(accountId)));

    /// <summary>Removes the account's reference item if no group is in the account.</summary>
    public GuardedWrite CloseAccount(string accountId) => new(
        new TransactWriteItem
        {
            Delete = new Delete
            {
                TableName = locksTable,
                Key = Key(ClaimKeys.AccountReferences(accountId)),
                ConditionExpression = "attribute_not_exists(#refs)",
                ExpressionAttributeNames = new() { ["#refs"] = GroupIds },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
        },
        old =>
        {
            var groupIds = Referrers(old, GroupIds);
            return DomainException.Conflict(
                ErrorCodes.AccountInUse,
                $"Account {accountId} is used by {groupIds.Length} protection group(s); delete or move them first.",
                new Dictionary<string, object?> { ["accountId"] = accountId, ["protectionGroupIds"] = groupIds });
        });

    private static GuardedWrite Write(Update update, Func<Dictionary<string, AttributeValue>?, DomainException> onFailed) =>
        new(new TransactWriteItem { Update = update }, onFailed);

    private static string[] Referrers(Dictionary<string, AttributeValue>? item, string attribute) =>
        item is not null && item.TryGetValue(attribute, out var value) && value.SS is { } set
            ? [.. set.Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Only for writes without a condition, which DynamoDB never cancels for a failed condition.</summary>
    private static DomainException Unexpected(string key) =>
        DomainException.Conflict(ErrorCodes.VersionConflict, $"Reference item {key} changed unexpectedly; retry the request.");

    private static Dictionary<string, AttributeValue> Key(string lockKey) => new() { [LockAttributes.LockKey] = Attr.S(lockKey) };
}
