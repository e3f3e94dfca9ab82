using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Aws.Tests.Persistence;

[Collection(DynamoDbLocalCollection.Name)]
public sealed class ProtectionGroupRepositoryTests(DynamoDbLocalFixture fixture) : PersistenceTestContext(fixture)
{
    private DynamoDbProtectionGroupRepository Repository => new(Client, Options, Time);

    [Fact]
    public async Task CreateAsync_ThenGet_RoundTripsEveryField()
    {
        var server = TestIds.SourceServer();
        var group = new ProtectionGroupBuilder()
            .WithServers(server, TestIds.SourceServer())
            .WithLaunchSettings(new LaunchSettings
            {
                SubnetId = "subnet-0123456789abcdef0",
                SecurityGroupIds = ["sg-0123456789abcdef0"],
                InstanceType = "m5.large",
                RightSizing = RightSizingMethod.None,
                CopyPrivateIp = true,
                CopyTags = false,
                LaunchDisposition = LaunchDisposition.Started,
                Licensing = LicensingModel.Byol,
            })
            .WithOverride(server, new LaunchSettings { InstanceType = "c5.xlarge" })
            .Build();

        var created = await Repository.CreateAsync(group, default);
        var loaded = await Repository.GetAsync(group.GroupId, default);

        Assert.Equal(1, created.Version);
        Assert.NotNull(loaded);
        // Records compare lists by reference, so the list-valued members are checked one by one.
        Assert.Equal(
            created with { Selection = null!, ServerOverrides = null!, LaunchSettings = null! },
            loaded with { Selection = null!, ServerOverrides = null!, LaunchSettings = null! });
        Assert.Equal(created.LaunchSettings with { SecurityGroupIds = null }, loaded.LaunchSettings with { SecurityGroupIds = null });
        Assert.Equal(group.Selection.SourceServerIds, loaded.Selection.SourceServerIds);
        Assert.Equal(ServerSelectionMode.SourceServerIds, loaded.Selection.Mode);
        Assert.Equal("c5.xlarge", loaded.ServerOverrides[server].InstanceType);
        Assert.Null(loaded.ServerOverrides[server].SubnetId);
        Assert.Equal(["sg-0123456789abcdef0"], loaded.LaunchSettings.SecurityGroupIds!);
    }

    [Fact]
    public async Task CreateAsync_TagSelection_RoundTripsCriteria()
    {
        var group = new ProtectionGroupBuilder().WithTags(("App", "web"), ("Env", "roundtrip")).Build();

        await Repository.CreateAsync(group, default);
        var loaded = await Repository.GetAsync(group.GroupId, default);

        Assert.Equal(ServerSelectionMode.Tags, loaded!.Selection.Mode);
        Assert.Equal([new TagCriterion("App", "web"), new TagCriterion("Env", "roundtrip")], loaded.Selection.TagCriteria);
        Assert.Empty(loaded.Selection.SourceServerIds);
        Assert.Equal(LaunchSettings.Empty, loaded.LaunchSettings);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        Assert.Null(await Repository.GetAsync(TestIds.Group(), default));
    }

    [Fact]
    public async Task CreateAsync_NameTakenInOtherCase_ThrowsPgNameExists()
    {
        var first = await Repository.CreateAsync(new ProtectionGroupBuilder().WithName("Web Tier").Build(), default);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Repository.CreateAsync(new ProtectionGroupBuilder().WithName("web tier").Build(), default));

        Assert.Equal(ErrorCodes.ProtectionGroupNameExists, error.Code);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal(first.GroupId, error.Details!["existingGroupId"]);
    }

    [Fact]
    public async Task CreateAsync_ServerOwnedByOtherGroup_ThrowsServerConflictWithOwnerAndWritesNothing()
    {
        var shared = TestIds.SourceServer();
        var owner = await Repository.CreateAsync(new ProtectionGroupBuilder().WithServers(shared).Build(), default);
        var loser = new ProtectionGroupBuilder().WithServers(TestIds.SourceServer(), shared).Build();
        var locksBefore = (await ScanAllAsync(Tables.Locks)).Count;

        var error = await Assert.ThrowsAsync<DomainException>(() => Repository.CreateAsync(loser, default));

        Assert.Equal(ErrorCodes.ServerConflict, error.Code);
        Assert.Equal(shared, error.Details!["sourceServerId"]);
        Assert.Equal(owner.GroupId, error.Details["owningGroupId"]);
        Assert.Null(await Repository.GetAsync(loser.GroupId, default));
        Assert.Equal(locksBefore, (await ScanAllAsync(Tables.Locks)).Count);
    }

    [Fact]
    public async Task CreateAsync_SameServerIdInAnotherRegion_Succeeds()
    {
        var server = TestIds.SourceServer();
        await Repository.CreateAsync(new ProtectionGroupBuilder().WithServers(server).InAccount("111122223333", "us-east-1").Build(), default);

        var other = await Repository.CreateAsync(new ProtectionGroupBuilder().WithServers(server).InAccount("111122223333", "eu-west-1").Build(), default);

        Assert.Equal(1, other.Version);
    }

    [Fact]
    public async Task CreateAsync_SameTagCriteriaInSameAccountRegion_ThrowsTagConflict()
    {
        await Repository.CreateAsync(new ProtectionGroupBuilder().WithTags(("App", "web"), ("Env", "prod")).Build(), default);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Repository.CreateAsync(new ProtectionGroupBuilder().WithTags(("Env", "prod"), ("App", "web")).Build(), default));

        Assert.Equal(ErrorCodes.TagConflict, error.Code);
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_ThrowsVersionConflict()
    {
        var created = await Repository.CreateAsync(new ProtectionGroupBuilder().Build(), default);
        await Repository.UpdateAsync(created with { Description = "first writer" }, default);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Repository.UpdateAsync(created with { Description = "second writer" }, default));

        Assert.Equal(ErrorCodes.VersionConflict, error.Code);
        Assert.Equal("first writer", (await Repository.GetAsync(created.GroupId, default))!.Description);
    }

    [Fact]
    public async Task UpdateAsync_UnknownGroup_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Repository.UpdateAsync(new ProtectionGroupBuilder().Build(), default));

        Assert.Equal(ErrorCodes.ProtectionGroupNotFound, error.Code);
    }

    [Fact]
    public async Task UpdateAsync_MovesServerOut_ReleasesItForAnotherGroup()
    {
        var (kept, moved) = (TestIds.SourceServer(), TestIds.SourceServer());
        var first = await Repository.CreateAsync(new ProtectionGroupBuilder().WithServers(kept, moved).Build(), default);

        var updated = await Repository.UpdateAsync(first with { Selection = ServerSelection.Explicit([kept]) }, default);
        var second = await Repository.CreateAsync(new ProtectionGroupBuilder().WithServers(moved).Build(), default);

        Assert.Equal(2, updated.Version);
        Assert.Equal(second.GroupId, await Repository.FindOwnerOfServerAsync("111122223333", "us-east-1", moved, default));
        Assert.Equal(first.GroupId, await Repository.FindOwnerOfServerAsync("111122223333", "us-east-1", kept, default));
    }

    [Fact]
    public async Task UpdateAsync_Rename_FreesOldName()
    {
        var group = await Repository.CreateAsync(new ProtectionGroupBuilder().WithName("Old Name").Build(), default);

        await Repository.UpdateAsync(group with { Name = "New Name" }, default);
        var reuse = await Repository.CreateAsync(new ProtectionGroupBuilder().WithName("Old Name").Build(), default);

        Assert.Equal(1, reuse.Version);
    }

    [Fact]
    public async Task DeleteAsync_ReleasesEveryClaim()
    {
        var server = TestIds.SourceServer();
        var group = await Repository.CreateAsync(new ProtectionGroupBuilder().WithName("Doomed").WithServers(server).Build(), default);

        await Repository.DeleteAsync(group.GroupId, group.Version, default);

        Assert.Null(await Repository.GetAsync(group.GroupId, default));
        Assert.DoesNotContain(await ScanAllAsync(Tables.Locks), i => i["ownerId"].S == group.GroupId);
        Assert.Equal(1, (await Repository.CreateAsync(new ProtectionGroupBuilder().WithName("Doomed").WithServers(server).Build(), default)).Version);
    }

    [Fact]
    public async Task DeleteAsync_StaleVersion_ThrowsVersionConflictAndKeepsGroup()
    {
        var group = await Repository.CreateAsync(new ProtectionGroupBuilder().Build(), default);
        await Repository.UpdateAsync(group with { Description = "changed" }, default);

        var error = await Assert.ThrowsAsync<DomainException>(() => Repository.DeleteAsync(group.GroupId, group.Version, default));

        Assert.Equal(ErrorCodes.VersionConflict, error.Code);
        Assert.NotNull(await Repository.GetAsync(group.GroupId, default));
    }

    [Fact]
    public async Task ListAsync_AcrossPages_ReturnsEveryGroupExactlyOnce()
    {
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await Repository.CreateAsync(new ProtectionGroupBuilder().Build(), default)).GroupId);
        }

        var seen = new List<string>();
        var request = PageRequest.First(3);
        var pages = 0;
        do
        {
            var page = await Repository.ListAsync(request, default);
            seen.AddRange(page.Items.Select(g => g.GroupId));
            request = request with { NextToken = page.NextToken };
            pages++;
        }
        while (request.NextToken is not null);

        Assert.True(pages >= 3);
        Assert.Equal(ids.Order(), seen.Where(ids.Contains).Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("e30")] // {}
    [InlineData("eyJncm91cElkIjp7Ik4iOiIxIn19")] // {"groupId":{"N":"1"}}: wrong type
    [InlineData("eyJvdGhlciI6eyJTIjoieCJ9fQ")] // {"other":{"S":"x"}}: not this table's key
    public async Task ListAsync_TamperedToken_ThrowsInvalidPaginationToken(string token)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Repository.ListAsync(new PageRequest(10, token), default));

        Assert.Equal(ErrorCodes.InvalidPaginationToken, error.Code);
        Assert.Equal(ErrorKind.BadRequest, error.Kind);
    }

    [Fact]
    public async Task CreateAsync_MoreClaimsThanOneTransaction_ClaimsEveryServer()
    {
        var servers = Enumerable.Range(0, 250).Select(_ => TestIds.SourceServer()).ToArray();

        var group = await Repository.CreateAsync(new ProtectionGroupBuilder().WithServers(servers).Build(), default);

        var claims = (await ScanAllAsync(Tables.Locks)).Where(i => i["ownerId"].S == group.GroupId).ToList();
        Assert.Equal(252, claims.Count); // 250 servers + the name + the group's reference item
    }

    [Fact]
    public async Task CreateAsync_LargeGroupConflictsOnLastChunk_LeavesNoClaimsBehind()
    {
        var servers = Enumerable.Range(0, 250).Select(_ => TestIds.SourceServer()).ToArray();
        await Repository.CreateAsync(new ProtectionGroupBuilder().WithServers(servers[^1]).Build(), default);
        var loser = new ProtectionGroupBuilder().WithServers(servers).Build();

        var error = await Assert.ThrowsAsync<DomainException>(() => Repository.CreateAsync(loser, default));

        Assert.Equal(ErrorCodes.ServerConflict, error.Code);
        Assert.DoesNotContain(await ScanAllAsync(Tables.Locks), i => i["ownerId"].S == loser.GroupId);
        Assert.Null(await Repository.GetAsync(loser.GroupId, default));
    }

    [Fact]
    public async Task CreateAsync_ClaimOrphanedByCrashedWriter_IsTakenOverAfterGracePeriod()
    {
        // A writer that crashed after claiming but before committing leaves a claim whose owner does not exist.
        var server = TestIds.SourceServer();
        var ghost = new ProtectionGroupBuilder().WithServers(server).Build();
        await Client.PutItemAsync(new Amazon.DynamoDBv2.Model.PutItemRequest
        {
            TableName = Tables.Locks,
            Item = new()
            {
                ["lockKey"] = new() { S = $"PG_SERVER#111122223333#us-east-1#{server}" },
                ["ownerType"] = new() { S = "PG" },
                ["ownerId"] = new() { S = ghost.GroupId },
                ["operationId"] = new() { S = "crashed" },
                ["claimedAt"] = new() { S = "2025-03-01T12:00:00.0000000Z" },
            },
        });
        var claimant = new ProtectionGroupBuilder().WithServers(server).Build();

        var early = await Assert.ThrowsAsync<DomainException>(() => Repository.CreateAsync(claimant, default));
        Time.Advance(TimeSpan.FromMinutes(6));
        var created = await Repository.CreateAsync(claimant, default);

        Assert.Equal(ErrorCodes.ServerConflict, early.Code);
        Assert.Equal(claimant.GroupId, await Repository.FindOwnerOfServerAsync("111122223333", "us-east-1", server, default));
        Assert.Equal(1, created.Version);
    }
}
