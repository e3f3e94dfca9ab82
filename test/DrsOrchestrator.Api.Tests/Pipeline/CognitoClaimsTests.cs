using DrsOrchestrator.Functions.Api.Pipeline;

namespace DrsOrchestrator.Api.Tests.Pipeline;

public sealed class CognitoClaimsTests
{
    [Theory]
    [InlineData("DRSReadOnly,DRSOperator")]
    [InlineData("DRSReadOnly DRSOperator")]
    [InlineData("[DRSReadOnly DRSOperator]")]
    [InlineData("[DRSReadOnly, DRSOperator]")]
    [InlineData("[\"DRSReadOnly\",\"DRSOperator\"]")]
    public void ParseGroups_EveryShapeApiGatewaySends_YieldsTheSameGroups(string raw)
    {
        Assert.Equal(["DRSReadOnly", "DRSOperator"], CognitoClaims.ParseGroups(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[]")]
    public void ParseGroups_Empty_YieldsNoGroups(string? raw)
    {
        Assert.Empty(CognitoClaims.ParseGroups(raw));
    }

    [Fact]
    public void ToIdentity_NoSubject_IsNoIdentity()
    {
        Assert.Null(CognitoClaims.ToIdentity(new Dictionary<string, string> { ["email"] = "a@example.test" }));
    }
}
