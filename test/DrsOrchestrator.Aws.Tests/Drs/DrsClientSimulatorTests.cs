using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Simulator.Engine;

namespace DrsOrchestrator.Aws.Tests.Drs;

/// <summary>The production DRS client against the simulator over real HTTP on loopback.</summary>
public sealed class DrsClientSimulatorTests
{
    private static readonly Dictionary<string, string> ExecutionTags = new() { ["drs-orchestrator:execution"] = "exec-1", ["drs-orchestrator:wave"] = "1" };

    [Fact]
    public async Task DescribeSourceServers_SmallPages_ReturnsEveryServerOnceAcrossPages()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync(new SimulatedFleet().WithHubServers(23));
        var drs = sim.HubDrs();

        // Act
        var pages = new List<DrsPage<DrsSourceServer>>();
        string? token = null;
        do
        {
            var page = await drs.DescribeSourceServersAsync(new DrsSourceServerQuery(MaxResults: 10, NextToken: token), default);
            pages.Add(page);
            token = page.NextToken;
        }
        while (token is not null);

        // Assert
        Assert.Equal(3, pages.Count);
        Assert.Equal(sim.ServerIds(), pages.SelectMany(p => p.Items).Select(s => s.SourceServerId).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task DescribeSourceServers_FilterByIds_MapsServerDetails()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var expected = sim.Simulator.SourceServersOf(SimulatedFleet.HubAccountId, SimulatedFleet.Region).OrderBy(s => s.SourceServerId, StringComparer.Ordinal).First();
        var drs = sim.HubDrs();

        // Act
        var page = await drs.DescribeSourceServersAsync(new DrsSourceServerQuery(SourceServerIds: [expected.SourceServerId]), default);

        // Assert
        var server = Assert.Single(page.Items);
        Assert.Equal(expected.Arn, server.Arn);
        Assert.Equal(expected.Hostname, server.Hostname);
        Assert.Equal(expected.Ips, server.IpAddresses);
        Assert.Equal(expected.OsFullString, server.OperatingSystem);
        Assert.Equal("wire-test", server.Tags["Application"]);
        Assert.Equal("CONTINUOUS", server.ReplicationState);
        Assert.Equal(TimeSpan.FromSeconds(2), server.ReplicationLag);
    }

    [Fact]
    public async Task StartRecovery_DrillRunsToCompletion_JobsLogsAndRecoveryInstancesReadBack()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var drs = sim.HubDrs();
        var ids = sim.ServerIds();

        // Act
        var started = await drs.StartRecoveryAsync(new DrsStartRecoveryRequest(ids.Select(id => new DrsRecoverySource(id)).ToList(), IsDrill: true, ExecutionTags), default);
        await sim.Simulator.AdvanceAsync(TimeSpan.FromHours(2));
        var described = await drs.DescribeJobsAsync(new DrsJobQuery(JobIds: [started.JobId]), default);
        var logs = await drs.DescribeAllJobLogItemsAsync(started.JobId, default).ToListAsync();
        var instances = await drs.DescribeRecoveryInstancesAsync(new DrsRecoveryInstanceQuery(SourceServerIds: ids), default);

        // Assert
        Assert.Equal(DrsJobStatus.Pending, started.Status);
        Assert.Equal("exec-1", started.Tags["drs-orchestrator:execution"]);
        Assert.Equal(ids, started.ParticipatingServers.Select(p => p.SourceServerId).Order(StringComparer.Ordinal).ToList());
        var job = Assert.Single(described.Items);
        Assert.Equal(DrsJobStatus.Completed, job.Status);
        Assert.NotNull(job.EndDateTime);
        Assert.All(job.ParticipatingServers, p => Assert.Equal(DrsLaunchStatus.Launched, p.LaunchStatus));
        Assert.Contains(logs, l => l.Event == "JOB_START");
        Assert.Contains(logs, l => l.Event == "JOB_END");
        Assert.Equal(ids.Count, instances.Items.Count);
        Assert.All(instances.Items, i =>
        {
            Assert.True(i.IsDrill);
            Assert.Equal(started.JobId, i.JobId);
            Assert.NotNull(i.Ec2InstanceId);
        });
        Assert.Equal(
            job.ParticipatingServers.Select(p => p.RecoveryInstanceId).Order(StringComparer.Ordinal),
            instances.Items.Select(i => (string?)i.RecoveryInstanceId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TerminateRecoveryInstances_AfterDrill_ReturnsTerminateJob()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var drs = sim.HubDrs();
        var ids = sim.ServerIds();
        await drs.StartRecoveryAsync(new DrsStartRecoveryRequest(ids.Select(id => new DrsRecoverySource(id)).ToList(), true), default);
        await sim.Simulator.AdvanceAsync(TimeSpan.FromHours(2));
        var instances = await drs.DescribeAllRecoveryInstancesAsync(new DrsRecoveryInstanceQuery(), default).ToListAsync();

        // Act
        var job = await drs.TerminateRecoveryInstancesAsync(instances.Select(i => i.RecoveryInstanceId).ToList(), default);

        // Assert
        Assert.Equal("TERMINATE", job.Type);
        Assert.Equal(ids.Count, job.ParticipatingServers.Count);
    }

    [Fact]
    public async Task DescribeJobs_DateFilter_ExcludesJobsOutsideTheWindow()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var drs = sim.HubDrs();
        var ids = sim.ServerIds();
        var job = await drs.StartRecoveryAsync(new DrsStartRecoveryRequest([new DrsRecoverySource(ids[0])], true), default);
        var created = job.CreationDateTime ?? throw new InvalidOperationException("no creation time");

        // Act
        var inside = await drs.DescribeJobsAsync(new DrsJobQuery(FromDate: created.AddMinutes(-1), ToDate: created.AddMinutes(1)), default);
        var after = await drs.DescribeJobsAsync(new DrsJobQuery(FromDate: created.AddDays(1)), default);

        // Assert
        Assert.Contains(inside.Items, j => j.JobId == job.JobId);
        Assert.DoesNotContain(after.Items, j => j.JobId == job.JobId);
    }

    [Fact]
    public async Task StartRecovery_UnknownServer_ThrowsTypedClientErrorWithoutRetry()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var drs = sim.HubDrs();

        // Act
        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() =>
            drs.StartRecoveryAsync(new DrsStartRecoveryRequest([new DrsRecoverySource("s-0000000000000dead")], true), default));

        // Assert: the simulator answers ResourceNotFoundException (404); a ValidationException (400) would be handled the same way.
        Assert.True(error is AwsResourceNotFoundException or AwsValidationException, $"unexpected {error.GetType().Name}");
        Assert.InRange(error.StatusCode, 400, 499);
        Assert.Contains("s-0000000000000dead", error.Message, StringComparison.Ordinal);
        Assert.Single(sim.Simulator.Calls, c => c.Operation == "StartRecovery");
    }

    [Fact]
    public async Task StartRecovery_BeyondConcurrentJobLimit_ThrowsServiceQuotaExceeded()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync(limits: DrsLimits.Default with { MaxConcurrentJobs = 1 });
        var drs = sim.HubDrs();
        var ids = sim.ServerIds();
        await drs.StartRecoveryAsync(new DrsStartRecoveryRequest([new DrsRecoverySource(ids[0])], true), default);

        // Act
        var error = await Assert.ThrowsAsync<AwsServiceQuotaExceededException>(() =>
            drs.StartRecoveryAsync(new DrsStartRecoveryRequest([new DrsRecoverySource(ids[1])], true), default));

        // Assert
        Assert.Equal("ServiceQuotaExceededException", error.ErrorCode);
        Assert.Equal(2, sim.Simulator.Calls.Count(c => c.Operation == "StartRecovery"));
    }

    [Fact]
    public async Task LaunchConfiguration_UpdateThenGet_ReturnsChangedFieldsOnly()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var drs = sim.HubDrs();
        var id = sim.ServerIds()[0];
        var before = await drs.GetLaunchConfigurationAsync(id, default);

        // Act
        var updated = await drs.UpdateLaunchConfigurationAsync(new DrsLaunchConfigurationUpdate(id, CopyPrivateIp: !(before.CopyPrivateIp ?? false), LaunchDisposition: "STARTED", OsByol: true), default);
        var after = await drs.GetLaunchConfigurationAsync(id, default);

        // Assert
        Assert.Equal(after, updated);
        Assert.Equal(!(before.CopyPrivateIp ?? false), after.CopyPrivateIp);
        Assert.Equal("STARTED", after.LaunchDisposition);
        Assert.True(after.OsByol);
        Assert.Equal(before.TargetInstanceTypeRightSizingMethod, after.TargetInstanceTypeRightSizingMethod);
        Assert.Equal(before.CopyTags, after.CopyTags);
    }

    [Fact]
    public async Task Tags_TagListUntag_RoundTripsOnServerArn()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var drs = sim.HubDrs();
        var arn = sim.Simulator.SourceServersOf(SimulatedFleet.HubAccountId, SimulatedFleet.Region)[0].Arn;

        // Act
        await drs.TagResourceAsync(arn, new Dictionary<string, string> { ["Tier"] = "web", ["Owner"] = "team a" }, default);
        var tagged = await drs.ListTagsForResourceAsync(arn, default);
        await drs.UntagResourceAsync(arn, ["Tier", "Owner"], default);
        var untagged = await drs.ListTagsForResourceAsync(arn, default);

        // Assert
        Assert.Equal("web", tagged["Tier"]);
        Assert.Equal("team a", tagged["Owner"]);
        Assert.False(untagged.ContainsKey("Tier"));
        Assert.False(untagged.ContainsKey("Owner"));
        Assert.Equal("wire-test", untagged["Application"]);
    }

    [Fact]
    public async Task DescribeRecoverySnapshots_ReplicatingServer_ReturnsSnapshotsForThatServer()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        var drs = sim.HubDrs();
        var id = sim.ServerIds()[0];

        // Act
        var page = await drs.DescribeRecoverySnapshotsAsync(new DrsRecoverySnapshotQuery(id, Ascending: false, MaxResults: 5), default);

        // Assert
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, s => Assert.Equal(id, s.SourceServerId));
        Assert.Equal(page.Items.OrderByDescending(s => s.Timestamp ?? s.ExpectedTimestamp).Select(s => s.SnapshotId), page.Items.Select(s => s.SnapshotId));
    }

    [Fact]
    public async Task DescribeSourceServers_HalfOfCallsThrottled_EveryCallSucceedsAfterRetries()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Simulator.Faults = sim.Simulator.Faults with { ThrottleRate = 0.5, ThrottleRetryAfterSeconds = 0 };
        var drs = sim.HubDrs(retry: new RetryOptions(MaxAttempts: 30, BaseDelay: TimeSpan.FromMilliseconds(1), MaxDelay: TimeSpan.FromMilliseconds(5)));

        // Act
        for (var i = 0; i < 20; i++)
        {
            var page = await drs.DescribeSourceServersAsync(new DrsSourceServerQuery(), default);
            Assert.Equal(3, page.Items.Count);
        }

        // Assert
        var calls = sim.Simulator.Calls.Where(c => c.Operation == "DescribeSourceServers").ToList();
        Assert.Equal(20, calls.Count(c => c.StatusCode == 200));
        Assert.True(calls.Count(c => c.StatusCode == 429) > 0, "the fault injection should have throttled some attempts");
    }

    [Fact]
    public async Task DescribeSourceServers_AlwaysThrottled_SurfacesThrottlingAfterMaxAttempts()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Simulator.Faults = sim.Simulator.Faults with { ThrottleRate = 1.0, ThrottleRetryAfterSeconds = 0 };
        var drs = sim.HubDrs(retry: new RetryOptions(MaxAttempts: 3, BaseDelay: TimeSpan.FromMilliseconds(1)));

        // Act
        var error = await Assert.ThrowsAsync<AwsThrottlingException>(() => drs.DescribeSourceServersAsync(new DrsSourceServerQuery(), default));

        // Assert
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(3, sim.Simulator.Calls.Count(c => c.Operation == "DescribeSourceServers" && c.StatusCode == 429));
    }

    [Fact]
    public async Task StartRecovery_ThrottledAttempts_StartsExactlyOneJob()
    {
        // Arrange
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Simulator.Faults = sim.Simulator.Faults with { ThrottleRate = 0.8, ThrottleRetryAfterSeconds = 0, Operations = ["StartRecovery"] };
        var drs = sim.HubDrs(retry: new RetryOptions(MaxAttempts: 60, BaseDelay: TimeSpan.FromMilliseconds(1), MaxDelay: TimeSpan.FromMilliseconds(5)));
        var ids = sim.ServerIds();

        // Act
        var job = await drs.StartRecoveryAsync(new DrsStartRecoveryRequest([new DrsRecoverySource(ids[0])], true, ExecutionTags), default);
        var jobs = await drs.DescribeAllJobsAsync(new DrsJobQuery(), default).ToListAsync();

        // Assert
        Assert.Equal(job.JobId, Assert.Single(jobs).JobId);
        Assert.Contains(sim.Simulator.Calls, c => c.Operation == "StartRecovery" && c.StatusCode == 429);
    }
}
