using DrsOrchestrator.Aws.Accounts;
using DrsOrchestrator.Aws.Tests.Drs;

namespace DrsOrchestrator.Aws.Tests.Accounts;

/// <summary>The production IAM client, signing with the assumed spoke session, against the simulator over loopback HTTP.</summary>
public sealed class IamClientSimulatorTests
{
    [Fact]
    public async Task ListInstanceProfiles_SpokeAccount_ReturnsTheSpokesProfilesSignedWithItsSession()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var iam = new CrossAccountIamClientFactory(sim.AccountCredentials(InMemoryAccountDirectory.WithSpoke()), sim.ClientOptions()).For(SimulatedFleet.SpokeAccountId);

        // Act
        var profiles = await iam.ListInstanceProfilesAsync(default);

        // Assert
        var expected = sim.Simulator.InstanceProfilesOf(SimulatedFleet.SpokeAccountId);
        Assert.Equal(expected.Select(p => (p.InstanceProfileName, p.Arn, p.Path)), profiles.Select(p => (p.InstanceProfileName, p.Arn, p.Path)));
        Assert.All(profiles, p => Assert.Equal([p.InstanceProfileName], p.RoleNames));
        var call = sim.Simulator.Calls.Single(c => c.Operation == "ListInstanceProfiles");
        Assert.Equal(SimulatedFleet.SpokeAccountId, call.AccountId);
        Assert.StartsWith("ASIASIM", call.AccessKeyId, StringComparison.Ordinal);
    }
}
