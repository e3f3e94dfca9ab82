using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Domain.Accounts;

namespace DrsOrchestrator.Aws.Persistence.Accounts;

/// <summary>The one place a <see cref="TargetAccount"/> becomes a DynamoDB item and back.</summary>
internal static class TargetAccountItemMapper
{
    public const string AccountId = "accountId";
    public const string Version = "version";

    public static Dictionary<string, AttributeValue> ToItem(TargetAccount account, long version)
    {
        var validation = new Dictionary<string, AttributeValue> { ["state"] = Attr.S(account.Validation.State.ToString()) };
        validation.PutIfNotNull("message", account.Validation.Message);
        if (account.Validation.CheckedAt is { } checkedAt)
        {
            validation["checkedAt"] = Attr.Time(checkedAt);
        }

        return new Dictionary<string, AttributeValue>
        {
            [AccountId] = Attr.S(account.AccountId),
            ["name"] = Attr.S(account.Name),
            ["roleArn"] = Attr.S(account.RoleArn),
            ["externalId"] = Attr.S(account.ExternalId),
            ["regions"] = Attr.Strings(account.Regions),
            ["validation"] = Attr.Map(validation),
            ["createdBy"] = Attr.S(account.CreatedBy),
            ["createdAt"] = Attr.Time(account.CreatedAt),
            ["updatedBy"] = Attr.S(account.UpdatedBy),
            ["updatedAt"] = Attr.Time(account.UpdatedAt),
            [Version] = Attr.N(version),
        };
    }

    public static TargetAccount FromItem(Dictionary<string, AttributeValue> item)
    {
        var validation = item.GetMapOrNull("validation");
        return new TargetAccount
        {
            AccountId = item.GetS(AccountId),
            Name = item.GetS("name"),
            RoleArn = item.GetS("roleArn"),
            ExternalId = item.GetS("externalId"),
            Regions = item.GetStrings("regions"),
            Validation = validation is null
                ? AccountValidation.Unvalidated
                : new AccountValidation(validation.GetEnum<AccountValidationState>("state"), validation.GetSOrNull("message"), validation.GetTimeOrNull("checkedAt")),
            CreatedBy = item.GetS("createdBy"),
            CreatedAt = item.GetTime("createdAt"),
            UpdatedBy = item.GetS("updatedBy"),
            UpdatedAt = item.GetTime("updatedAt"),
            Version = item.GetN(Version),
        };
    }
}
