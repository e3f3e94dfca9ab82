using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrsOrchestrator.Simulator;

/// <summary>The simulator on its own Kestrel listener (loopback only). Dispose to stop it.</summary>
public sealed class DrsSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DrsSimulatorServer(WebApplication app, DrsSimulator simulator, Uri baseAddress)
    {
        _app = app;
        Simulator = simulator;
        BaseAddress = baseAddress;
    }

    /// <summary>Where clients send DRS and STS calls (endpoint override), e.g. http://127.0.0.1:51234/.</summary>
    public Uri BaseAddress { get; }

    public DrsSimulator Simulator { get; }

    public static async Task<DrsSimulatorServer> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.IsLoopback(options.ListenAddress))
        {
            throw new ArgumentException($"The simulator only listens on loopback addresses, not {options.ListenAddress}.", nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DrsSimulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.ListenAddress, options.Port));
        var app = builder.Build();
        var simulator = new DrsSimulator(options);
        app.MapDrsSimulator(simulator);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        simulator.Start();
        return new DrsSimulatorServer(app, simulator, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await Simulator.DisposeAsync().ConfigureAwait(false);
    }
}
