using DrsOrchestrator.Domain.Accounts;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Tests.Common.Builders;

namespace DrsOrchestrator.Domain.Tests.Accounts;

public sealed class TargetAccountTests
{
    private static ValidationProblem SingleProblem(TargetAccountBuilder builder) => Assert.Single(TargetAccount.Validate(builder.BuildDraft()));

    [Fact]
    public void Validate_DefaultBuilder_NoProblems()
    {
        Assert.Empty(TargetAccount.Validate(new TargetAccountBuilder().BuildDraft()));
    }

    [Theory]
    [InlineData("arn:aws-us-gov:iam::111100000002:role/path/to/Role")]
    [InlineData("arn:aws-cn:iam::111100000002:role/R+=,.@_-")]
    public void Validate_PartitionsAndPaths_Accepted(string roleArn)
    {
        Assert.Empty(TargetAccount.Validate(new TargetAccountBuilder().WithRoleArn(roleArn).BuildDraft()));
    }

    [Theory]
    [InlineData("", ErrorCodes.MissingField)]
    [InlineData("1234", ErrorCodes.InvalidAccount)]
    public void Validate_BadAccountId_Rejected(string accountId, string code)
    {
        var problem = SingleProblem(new TargetAccountBuilder().WithAccountId(accountId).WithRoleArn(TestIds.RoleArn(TestIds.AccountId(2))));

        Assert.Equal(("accountId", code), (problem.Field, problem.Code));
    }

    [Theory]
    [InlineData("arn:aws:iam::111100000002:user/Bob")]
    [InlineData("arn:aws:iam::1111:role/R")]
    [InlineData("arn:aws:sts::111100000002:role/R")]
    [InlineData("role/R")]
    public void Validate_MalformedRoleArn_InvalidRoleArn(string roleArn)
    {
        var problem = SingleProblem(new TargetAccountBuilder().WithRoleArn(roleArn));

        Assert.Equal(("roleArn", ErrorCodes.InvalidRoleArn), (problem.Field, problem.Code));
    }

    [Fact]
    public void Validate_RoleInAnotherAccount_RoleAccountMismatch()
    {
        var problem = SingleProblem(new TargetAccountBuilder().WithRoleArn(TestIds.RoleArn(TestIds.AccountId(3))));

        Assert.Equal(("roleArn", ErrorCodes.RoleAccountMismatch), (problem.Field, problem.Code));
    }

    [Theory]
    [InlineData("", ErrorCodes.MissingField)]
    [InlineData("x", ErrorCodes.InvalidField)]
    [InlineData("has space", ErrorCodes.InvalidField)]
    public void Validate_BadExternalId_Rejected(string externalId, string code)
    {
        var problem = SingleProblem(new TargetAccountBuilder().WithExternalId(externalId));

        Assert.Equal(("externalId", code), (problem.Field, problem.Code));
    }

    [Fact]
    public void Validate_NoRegions_MissingField()
    {
        var problem = SingleProblem(new TargetAccountBuilder().WithRegions());

        Assert.Equal(("regions", ErrorCodes.MissingField), (problem.Field, problem.Code));
    }

    [Fact]
    public void Validate_BadRegion_InvalidRegionAtIndex()
    {
        var problem = SingleProblem(new TargetAccountBuilder().WithRegions("us-east-1", "moon-1"));

        Assert.Equal(("regions[1]", ErrorCodes.InvalidRegion), (problem.Field, problem.Code));
    }

    [Fact]
    public void Validate_BlankName_MissingField()
    {
        Assert.Equal("name", SingleProblem(new TargetAccountBuilder().WithName("")).Field);
    }

    [Fact]
    public void Create_Valid_UnvalidatedWithDistinctRegions()
    {
        var account = new TargetAccountBuilder().WithRegions("us-east-1", "us-east-1", "eu-west-1").Build();

        Assert.Equal(AccountValidationState.Unvalidated, account.Validation.State);
        Assert.Equal(["us-east-1", "eu-west-1"], account.Regions);
    }

    [Fact]
    public void WithValidation_Failure_RecordsInvalidWithMessageAndTime()
    {
        var account = new TargetAccountBuilder().Build();

        var checkedAccount = account.WithValidation(false, "AccessDenied", TestIds.Epoch);

        Assert.Equal(new AccountValidation(AccountValidationState.Invalid, "AccessDenied", TestIds.Epoch), checkedAccount.Validation);
    }

    [Fact]
    public void Update_NewExternalId_ResetsValidation()
    {
        var account = new TargetAccountBuilder().Build().WithValidation(true, null, TestIds.Epoch);

        var updated = account.Update(new TargetAccountBuilder().WithExternalId("rotated-external-id").BuildDraft(), "bob", TestIds.Epoch);

        Assert.Equal(AccountValidationState.Unvalidated, updated.Validation.State);
    }

    [Fact]
    public void Update_NameOnly_KeepsValidation()
    {
        var account = new TargetAccountBuilder().Build().WithValidation(true, null, TestIds.Epoch);

        var updated = account.Update(new TargetAccountBuilder().WithName("Renamed").BuildDraft(), "bob", TestIds.Epoch);

        Assert.Equal((AccountValidationState.Valid, "Renamed"), (updated.Validation.State, updated.Name));
    }

    [Fact]
    public void Update_DifferentAccountId_InvalidField()
    {
        var account = new TargetAccountBuilder().Build();
        var other = TestIds.AccountId(5);

        var error = Assert.Throws<DomainException>(() => account.Update(new TargetAccountBuilder().WithAccountId(other).BuildDraft(), "bob", TestIds.Epoch));

        Assert.Equal(ErrorCodes.InvalidField, error.Code);
    }
}
