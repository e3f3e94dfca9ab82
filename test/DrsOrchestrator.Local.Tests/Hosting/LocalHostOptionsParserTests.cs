using System.Net;
using DrsOrchestrator.Local.Hosting;

namespace DrsOrchestrator.Local.Tests.Hosting;

public sealed class LocalHostOptionsParserTests
{
    [Fact]
    public void Parse_NoArguments_UsesLoopbackPort8080AndTimeScale60()
    {
        // Act
        var options = LocalHostOptionsParser.Parse([], out var errors, out var help);

        // Assert
        Assert.Empty(errors);
        Assert.False(help);
        Assert.NotNull(options);
        Assert.Equal(IPAddress.Loopback, options.ListenAddress);
        Assert.Equal(8080, options.Port);
        Assert.Equal(60, options.TimeScale);
        Assert.Null(options.DataDirectory);
        Assert.True(options.Seed);
    }

    [Fact]
    public void Parse_AllOptions_AreApplied()
    {
        // Act
        var options = LocalHostOptionsParser.Parse(
            ["--port", "9090", "--host", "::1", "--time-scale", "600", "--data-dir", "data", "--no-seed"], out var errors, out _);

        // Assert
        Assert.Empty(errors);
        Assert.Equal(9090, options!.Port);
        Assert.Equal(IPAddress.IPv6Loopback, options.ListenAddress);
        Assert.Equal(600, options.TimeScale);
        Assert.Equal(Path.GetFullPath("data"), options.DataDirectory);
        Assert.False(options.Seed);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.10")]
    [InlineData("::")]
    [InlineData("example.com")]
    public void Parse_NonLoopbackHost_IsRefusedWithReason(string host)
    {
        // Act
        var options = LocalHostOptionsParser.Parse(["--host", host], out var errors, out _);

        // Assert
        Assert.Null(options);
        var error = Assert.Single(errors);
        Assert.Contains("loopback", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--port", "http")]
    [InlineData("--time-scale", "0")]
    [InlineData("--time-scale", "-5")]
    [InlineData("--scenario", "no-such-fleet")]
    public void Parse_InvalidValue_ReportsTheOption(string name, string value)
    {
        // Act
        var options = LocalHostOptionsParser.Parse([name, value], out var errors, out _);

        // Assert
        Assert.Null(options);
        Assert.Contains(name, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownOptionAndMissingValue_ReportsBoth()
    {
        // Act
        var options = LocalHostOptionsParser.Parse(["--verbose", "--port"], out var errors, out _);

        // Assert
        Assert.Null(options);
        Assert.Equal(2, errors.Count);
    }
}
