using System.Net;
using DrsOrchestrator.Local.Hosting;
using DrsOrchestrator.Local.Tests.Support;

namespace DrsOrchestrator.Local.Tests.Hosting;

/// <summary>The host as a real process: signals stop every child, and a killed host does not leave the JVM behind.</summary>
public sealed class ProcessLifecycleTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Signal_RunningHost_ExitsCleanlyAndStopsDynamoDbLocal(string signal)
    {
        // Arrange
        using var host = HostProcess.Start("--port", "0", "--no-seed");
        var storePid = await host.WaitUntilReadyAsync();
        Assert.True(HostProcess.IsRunning(storePid), host.Output);

        // Act
        host.Signal(signal);
        await host.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        // Assert
        Assert.Equal(0, host.Process.ExitCode);
        Assert.True(await HostProcess.WaitForExitAsync(storePid, TimeSpan.FromSeconds(10)), $"DynamoDB Local (pid {storePid}) outlived the host.{Environment.NewLine}{host.Output}");
        Assert.Contains("Stopped.", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kill_HostKilledWithoutWarning_DynamoDbLocalExitsOnItsOwn()
    {
        // Arrange
        using var host = HostProcess.Start("--port", "0", "--no-seed");
        var storePid = await host.WaitUntilReadyAsync();

        // Act
        host.Signal("KILL");
        await host.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        // Assert
        Assert.True(await HostProcess.WaitForExitAsync(storePid, TimeSpan.FromSeconds(15)), $"DynamoDB Local (pid {storePid}) outlived a killed host.");
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.0.1")]
    public async Task Start_NonLoopbackHost_ExitsWithUsageErrorBeforeStartingAnything(string address)
    {
        // Arrange
        using var host = HostProcess.Start("--host", address);

        // Act
        await host.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        // Assert
        Assert.Equal(2, host.Process.ExitCode);
        Assert.Contains("loopback", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("DynamoDB Local on", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NonLoopbackAddress_ThrowsWithoutStartingChildren()
    {
        // Arrange
        var options = new LocalHostOptions { ListenAddress = IPAddress.Any, Port = 0 };
        using var log = new StringWriter();

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LocalHost.StartAsync(options, log));

        // Assert
        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
        Assert.Equal("", log.ToString());
    }
}
