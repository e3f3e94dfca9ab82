using DrsOrchestrator.Domain.Accounts;

namespace DrsOrchestrator.Tests.Common.Builders;

public sealed class TargetAccountBuilder
{
    private string accountId = TestIds.AccountId(2);
    private string name = "Production spoke";
    private string? roleArn;
    private string externalId = "drs-orchestrator-test-external-id";
    private IReadOnlyList<string> regions = [TestIds.Region];
    private string actor = "builder@example.test";
    private DateTimeOffset now = TestIds.Epoch;

    public TargetAccountBuilder WithAccountId(string value) { accountId = value; return this; }

    public TargetAccountBuilder WithName(string value) { name = value; return this; }

    /// <summary>Defaults to a role in the account itself.</summary>
    public TargetAccountBuilder WithRoleArn(string value) { roleArn = value; return this; }

    public TargetAccountBuilder WithExternalId(string value) { externalId = value; return this; }

    public TargetAccountBuilder WithRegions(params string[] values) { regions = values; return this; }

    public TargetAccountBuilder By(string value) { actor = value; return this; }

    public TargetAccountBuilder At(DateTimeOffset value) { now = value; return this; }

    public TargetAccountDraft BuildDraft() => new()
    {
        AccountId = accountId,
        Name = name,
        RoleArn = roleArn ?? TestIds.RoleArn(accountId),
        ExternalId = externalId,
        Regions = regions,
    };

    public TargetAccount Build() => TargetAccount.Create(BuildDraft(), actor, now);
}
