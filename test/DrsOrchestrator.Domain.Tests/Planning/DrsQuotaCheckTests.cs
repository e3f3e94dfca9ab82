using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Planning;
using DrsOrchestrator.Tests.Common.Builders;

namespace DrsOrchestrator.Domain.Tests.Planning;

public sealed class DrsQuotaCheckTests
{
    private static readonly AccountRegion Home = new(TestIds.AccountId(1), TestIds.Region);

    [Fact]
    public void CheckLaunchCapacity_RoomForEverything_Sufficient()
    {
        var result = DrsQuotaCheck.CheckLaunchCapacity(new QuotaUsageReading(Home, 2, 150, 200), 250);

        Assert.Equal(QuotaVerdict.Sufficient, result.Verdict);
        Assert.Contains(result.Figures, f => f is { Quota: "concurrentJobs", Limit: 20, InUse: 2, Requested: 3 });
    }

    [Fact]
    public void CheckLaunchCapacity_TooManyServersInActiveJobs_InsufficientWithFigures()
    {
        var result = DrsQuotaCheck.CheckLaunchCapacity(new QuotaUsageReading(Home, 1, 450, 100), 100);

        Assert.Equal(QuotaVerdict.Insufficient, result.Verdict);
        Assert.Contains("450 of 500", result.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Figures, f => f is { Quota: "serversInActiveJobs", Limit: 500, InUse: 450, Requested: 100 });
    }

    [Fact]
    public void CheckLaunchCapacity_TooManyConcurrentJobs_Insufficient()
    {
        var result = DrsQuotaCheck.CheckLaunchCapacity(new QuotaUsageReading(Home, 19, 19, 19), 101);

        Assert.Equal(QuotaVerdict.Insufficient, result.Verdict);
        Assert.Contains("concurrent jobs", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData(3, null)]
    [InlineData(-1, 10)]
    [InlineData(3, -5)]
    public void CheckLaunchCapacity_UnreadableFigure_UnknownNotSufficient(int? jobs, int? servers)
    {
        var result = DrsQuotaCheck.CheckLaunchCapacity(new QuotaUsageReading(Home, jobs, servers, 10), 1);

        Assert.Equal(QuotaVerdict.Unknown, result.Verdict);
        Assert.False(result.IsSufficient);
        Assert.NotNull(result.Reason);
    }

    [Fact]
    public void CheckLaunchCapacity_NoReading_Unknown()
    {
        Assert.Equal(QuotaVerdict.Unknown, DrsQuotaCheck.CheckLaunchCapacity(null, 1).Verdict);
    }

    [Fact]
    public void CheckWave_LocationWithoutReading_Unknown()
    {
        var servers = ExecutionBuilder.Servers(2).Concat(ExecutionBuilder.Servers(2, 50, TestIds.AccountId(9), TestIds.OtherRegion));

        var result = DrsQuotaCheck.CheckWave(servers, [new QuotaUsageReading(Home, 0, 0, 0)]);

        Assert.Equal(QuotaVerdict.Unknown, result.Verdict);
        Assert.Contains(TestIds.AccountId(9), result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_InsufficientAndUnknown_InsufficientWins()
    {
        var result = QuotaCheckResult.Combine(
        [
            QuotaCheckResult.Sufficient(),
            QuotaCheckResult.Unknown("no figures"),
            QuotaCheckResult.Insufficient("full", Home, [new QuotaFigures("concurrentJobs", 20, 20, 1)]),
        ]);

        Assert.Equal(QuotaVerdict.Insufficient, result.Verdict);
        Assert.Equal(Home, result.Location);
    }

    [Fact]
    public void Combine_SufficientAndUnknown_Unknown()
    {
        var result = QuotaCheckResult.Combine([QuotaCheckResult.Sufficient(), QuotaCheckResult.Unknown("no figures")]);

        Assert.Equal(QuotaVerdict.Unknown, result.Verdict);
    }

    [Fact]
    public void Combine_AllSufficient_Sufficient()
    {
        Assert.True(QuotaCheckResult.Combine([QuotaCheckResult.Sufficient(), QuotaCheckResult.Sufficient()]).IsSufficient);
    }
}
