using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Aws.Tests.Persistence;

/// <summary>The guarantees hold under real contention on DynamoDB Local, not just in sequence.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class ProtectionGroupConcurrencyTests(DynamoDbLocalFixture fixture) : PersistenceTestContext(fixture)
{
    private const int Writers = 20;

    /// <summary>These tests scan whole tables to prove nothing partial was left behind.</summary>
    protected override bool FreshTablesPerTest => true;

    private DynamoDbProtectionGroupRepository Repository => new(Client, Options, Time);

    [Fact]
    public async Task CreateAsync_TwentyParallelGroupsClaimingSameServer_ExactlyOneSucceedsAndNoPartialWrites()
    {
        var shared = TestIds.SourceServer();
        var groups = Enumerable.Range(0, Writers)
            .Select(_ => new ProtectionGroupBuilder().WithServers(TestIds.SourceServer(), shared, TestIds.SourceServer()).Build())
            .ToList();

        var outcomes = await Task.WhenAll(groups.Select(g => CaptureAsync(() => Repository.CreateAsync(g, default))));

        var winners = outcomes.Where(o => o is null).ToList();
        Assert.Single(winners);
        Assert.All(outcomes.OfType<DomainException>(), e => Assert.Equal(ErrorCodes.ServerConflict, e.Code));
        Assert.Equal(Writers - 1, outcomes.OfType<DomainException>().Count());

        var winner = groups[Array.IndexOf(outcomes, null)];
        var stored = await ScanAllAsync(Tables.ProtectionGroups);
        var locks = await ScanAllAsync(Tables.Locks);
        Assert.Equal([winner.GroupId], stored.Select(i => i["groupId"].S));
        var accountReferences = Assert.Single(locks, l => l["lockKey"].S.StartsWith("ACCOUNT_REFS#", StringComparison.Ordinal));
        Assert.Equal([winner.GroupId], accountReferences["groupIds"].SS);
        locks.Remove(accountReferences);
        Assert.All(locks, l => Assert.Equal(winner.GroupId, l["ownerId"].S));
        Assert.Equal(5, locks.Count); // three servers, the name and the group's reference item, all the winner's
    }

    [Fact]
    public async Task UpdateAsync_TwentyParallelUpdatesOfSameVersion_ExactlyOneWins()
    {
        var created = await Repository.CreateAsync(new ProtectionGroupBuilder().Build(), default);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i =>
            CaptureAsync(() => Repository.UpdateAsync(created with { Description = $"writer {i}" }, default))));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.OfType<DomainException>(), e => Assert.Equal(ErrorCodes.VersionConflict, e.Code));
        var stored = await Repository.GetAsync(created.GroupId, default);
        Assert.Equal(2, stored!.Version);
        Assert.Equal($"writer {Array.IndexOf(outcomes, null)}", stored.Description);
    }

    [Fact]
    public async Task UpdateAsync_TwentyParallelUpdatesAddingDifferentServers_OnlyWinnersServersAreClaimed()
    {
        var created = await Repository.CreateAsync(new ProtectionGroupBuilder().Build(), default);
        var additions = Enumerable.Range(0, Writers).Select(_ => TestIds.SourceServer()).ToList();

        var outcomes = await Task.WhenAll(additions.Select(server => CaptureAsync(() => Repository.UpdateAsync(
            created with { Selection = Domain.ProtectionGroups.ServerSelection.Explicit([.. created.Selection.SourceServerIds, server]) },
            default))));

        var winner = additions[Array.IndexOf(outcomes, null)];
        Assert.Single(outcomes, o => o is null);
        var serverClaims = (await ScanAllAsync(Tables.Locks)).Where(l => l["lockKey"].S.StartsWith("PG_SERVER#", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, serverClaims.Count);
        Assert.Contains(serverClaims, l => l["lockKey"].S.EndsWith(winner, StringComparison.Ordinal));
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
