using DrsOrchestrator.Simulator;
using DrsOrchestrator.Tests.Common.Simulator;

namespace DrsOrchestrator.Api.Tests.Support;

/// <summary>
/// The shared simulator fixture (three-tier sample, manual clock) as an xunit collection fixture, which
/// needs a single public constructor.
/// </summary>
public sealed class ApiSimulatorFixture : IAsyncLifetime
{
    private readonly DrsSimulatorFixture inner = new();

    public Uri BaseAddress => inner.BaseAddress;

    public DrsSimulator Simulator => inner.Simulator;

    public Task InitializeAsync() => inner.InitializeAsync();

    public Task DisposeAsync() => inner.DisposeAsync();
}
