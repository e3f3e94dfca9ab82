using DrsOrchestrator.Aws.Accounts;
using DrsOrchestrator.Aws.Tests.Drs;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Accounts;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Aws.Tests.Accounts;

/// <summary>Spoke DRS calls through AssumeRole + external id, against the simulator's STS and DRS over HTTP.</summary>
public sealed class CrossAccountSimulatorTests
{
    [Fact]
    public async Task For_SpokeAccount_EveryDrsCallUsesAssumedRoleKeysNeverHubKeys()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var factory = new CrossAccountDrsClientFactory(sim.AccountCredentials(InMemoryAccountDirectory.WithSpoke()), sim.ClientOptions());
        var spoke = factory.For(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region);

        // Act
        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => spoke.DescribeSourceServersAsync(new DrsSourceServerQuery(), default)));
        await spoke.StartRecoveryAsync(new DrsStartRecoveryRequest([new DrsRecoverySource(sim.ServerIds(SimulatedFleet.SpokeAccountId)[0])], true), default);

        // Assert
        Assert.All(pages, p => Assert.Equal(sim.ServerIds(SimulatedFleet.SpokeAccountId), p.Items.Select(s => s.SourceServerId).Order(StringComparer.Ordinal).ToList()));
        var spokeCalls = sim.Simulator.Calls.Where(c => c.AccountId == SimulatedFleet.SpokeAccountId && c.Operation != "AssumeRole").ToList();
        Assert.Equal(9, spokeCalls.Count);
        Assert.All(spokeCalls, c =>
        {
            Assert.StartsWith("ASIASIM" + SimulatedFleet.SpokeAccountId, c.AccessKeyId, StringComparison.Ordinal);
            Assert.Equal(200, c.StatusCode is 202 ? 200 : c.StatusCode);
        });
        Assert.DoesNotContain(sim.Simulator.Calls, c => c.Operation != "AssumeRole" && c.AccessKeyId == SimulatedFleet.HubAccessKey);
        var assumeRole = Assert.Single(sim.Simulator.Calls, c => c.Operation == "AssumeRole");
        Assert.Equal(SimulatedFleet.HubAccessKey, assumeRole.AccessKeyId);
    }

    [Fact]
    public async Task For_HubAccount_UsesHubKeysWithoutAssumeRole()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var factory = new CrossAccountDrsClientFactory(sim.AccountCredentials(InMemoryAccountDirectory.WithSpoke()), sim.ClientOptions());

        // Act
        await factory.For(SimulatedFleet.HubAccountId, SimulatedFleet.Region).DescribeSourceServersAsync(new DrsSourceServerQuery(), default);

        // Assert
        var call = Assert.Single(sim.Simulator.Calls);
        Assert.Equal(SimulatedFleet.HubAccessKey, call.AccessKeyId);
        Assert.Equal(SimulatedFleet.HubAccountId, call.AccountId);
    }

    [Fact]
    public async Task For_WrongExternalId_ThrowsAccessDeniedAndMakesNoDrsCall()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var factory = new CrossAccountDrsClientFactory(sim.AccountCredentials(InMemoryAccountDirectory.WithSpoke(externalId: "not-the-external-id")), sim.ClientOptions());

        // Act
        var error = await Assert.ThrowsAsync<AwsAccessDeniedException>(() =>
            factory.For(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region).DescribeSourceServersAsync(new DrsSourceServerQuery(), default));

        // Assert
        Assert.Equal("sts", error.Service);
        Assert.Equal(403, error.StatusCode);
        Assert.DoesNotContain(sim.Simulator.Calls, c => c.Operation != "AssumeRole");
    }

    [Fact]
    public async Task For_UnregisteredAccount_ThrowsAccountNotFound()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var factory = new CrossAccountDrsClientFactory(sim.AccountCredentials(new InMemoryAccountDirectory()), sim.ClientOptions());

        // Act
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            factory.For(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region).DescribeSourceServersAsync(new DrsSourceServerQuery(), default));

        // Assert
        Assert.Equal(ErrorCodes.AccountNotFound, error.Code);
        Assert.Empty(sim.Simulator.Calls);
    }

    [Fact]
    public async Task For_RoleArnInAnotherAccount_RefusedBeforeAnyCall()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var directory = InMemoryAccountDirectory.WithSpoke(roleArn: $"arn:aws:iam::{SimulatedFleet.HubAccountId}:role/{SimulatedFleet.SpokeRoleName}");
        var factory = new CrossAccountDrsClientFactory(sim.AccountCredentials(directory), sim.ClientOptions());

        // Act
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            factory.For(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region).DescribeSourceServersAsync(new DrsSourceServerQuery(), default));

        // Assert
        Assert.Equal(ErrorCodes.InvalidAccount, error.Code);
        Assert.Empty(sim.Simulator.Calls);
    }

    [Fact]
    public async Task For_SessionNearExpiry_AssumesRoleAgainOnce()
    {
        // Arrange: the clients judge expiry on the simulator's clock, which issued the session.
        await using var sim = await SimulatorHarness.StartAsync();
        var factory = new CrossAccountDrsClientFactory(sim.AccountCredentials(InMemoryAccountDirectory.WithSpoke(), sim.Clock), sim.ClientOptions());
        var spoke = factory.For(SimulatedFleet.SpokeAccountId, SimulatedFleet.Region);
        await spoke.DescribeSourceServersAsync(new DrsSourceServerQuery(), default);

        // Act
        await sim.Simulator.AdvanceAsync(TimeSpan.FromMinutes(30));
        await spoke.DescribeSourceServersAsync(new DrsSourceServerQuery(), default);
        var afterHalfHour = sim.Simulator.Calls.Count(c => c.Operation == "AssumeRole");
        await sim.Simulator.AdvanceAsync(TimeSpan.FromMinutes(26));
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => spoke.DescribeSourceServersAsync(new DrsSourceServerQuery(), default)));

        // Assert
        Assert.Equal(1, afterHalfHour);
        Assert.Equal(2, sim.Simulator.Calls.Count(c => c.Operation == "AssumeRole"));
        Assert.All(sim.Simulator.Calls.Where(c => c.Operation == "DescribeSourceServers"), c => Assert.Equal(200, c.StatusCode));
    }

    [Fact]
    public async Task ValidateAsync_GoodAndBadExternalId_ReportsEachStep()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var validator = new AccountAccessValidator(sim.AccountCredentials(new InMemoryAccountDirectory()), sim.ClientOptions());

        // Act
        var good = await validator.ValidateAsync(new AccountAccess(SimulatedFleet.SpokeAccountId, SimulatedFleet.SpokeRoleArn, SimulatedFleet.SpokeExternalId), SimulatedFleet.Region, default);
        var bad = await validator.ValidateAsync(new AccountAccess(SimulatedFleet.SpokeAccountId, SimulatedFleet.SpokeRoleArn, "wrong"), SimulatedFleet.Region, default);

        // Assert
        Assert.True(good.Succeeded);
        Assert.False(bad.AssumedRole);
        Assert.False(bad.DrsReachable);
        Assert.Equal("AccessDenied", bad.ErrorCode);
    }
}
