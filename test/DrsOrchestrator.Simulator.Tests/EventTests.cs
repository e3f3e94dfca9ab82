using System.Text.Json.Nodes;
using DrsOrchestrator.Simulator.Events;
using DrsOrchestrator.Simulator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static DrsOrchestrator.Simulator.Tests.Support.SimulatorHarness;

namespace DrsOrchestrator.Simulator.Tests;

public sealed class EventTests
{
    [Fact]
    public async Task Subscribe_LaunchCompletes_ReceivesEventBridgeEnvelope()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var received = new List<LaunchResultEvent>();
        using var subscription = harness.Simulator.Subscribe((e, _) =>
        {
            received.Add(e);
            return Task.CompletedTask;
        });
        var server = harness.Servers().First(s => s.Hostname == "orderportal-web-01");
        var jobId = (await harness.Client().CallAsync("StartRecovery", StartRecoveryBody([server.SourceServerId]))).Json["job"]!["jobID"]!.GetValue<string>();

        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));

        var launchEvent = Assert.Single(received);
        var envelope = launchEvent.ToEventBridgeJson();
        Assert.Equal("0", envelope["version"]!.GetValue<string>());
        Assert.Equal("DRS Source Server Launch Result", envelope["detail-type"]!.GetValue<string>());
        Assert.Equal("aws.drs", envelope["source"]!.GetValue<string>());
        Assert.Equal(Account1, envelope["account"]!.GetValue<string>());
        Assert.Equal(East, envelope["region"]!.GetValue<string>());
        Assert.Equal(server.Arn, envelope["resources"]![0]!.GetValue<string>());
        Assert.Equal("RECOVERY_LAUNCH_SUCCEEDED", envelope["detail"]!["state"]!.GetValue<string>());
        Assert.Equal(jobId, envelope["detail"]!["job-id"]!.GetValue<string>());
        Assert.True(Guid.TryParse(envelope["id"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task Subscribe_SubscriberThrows_OtherSubscribersStillReceiveAndFailureCounted()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var received = 0;
        using var failing = harness.Simulator.Subscribe((_, _) => throw new InvalidOperationException("subscriber bug"));
        using var healthy = harness.Simulator.Subscribe((_, _) =>
        {
            received++;
            return Task.CompletedTask;
        });

        await harness.Client().CallAsync("StartRecovery", StartRecoveryBody([harness.Servers().First(s => s.Hostname == "orderportal-web-01").SourceServerId]));
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal(1, received);
        Assert.Equal(1, harness.Simulator.DeliveryFailures);
    }

    [Fact]
    public async Task AddWebhook_LoopbackReceiver_ReceivesEnvelopeJson()
    {
        var bodies = new List<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        await using var receiver = builder.Build();
        receiver.MapPost("/events", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (bodies)
            {
                bodies.Add(body);
            }

            context.Response.StatusCode = 200;
        });
        await receiver.StartAsync();
        var url = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.AddWebhook(new Uri(url + "/events"));

        await harness.Client().CallAsync("StartRecovery", StartRecoveryBody([harness.Servers().First(s => s.Hostname == "orderportal-web-01").SourceServerId]));
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));

        var envelope = JsonNode.Parse(Assert.Single(bodies))!;
        Assert.Equal("aws.drs", envelope["source"]!.GetValue<string>());
        Assert.Equal("RECOVERY_LAUNCH_SUCCEEDED", envelope["detail"]!["state"]!.GetValue<string>());
        await receiver.StopAsync();
    }

    [Fact]
    public async Task AddWebhook_NonLoopbackUrl_Refused()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        Assert.Throws<ArgumentException>(() => harness.Simulator.AddWebhook(new Uri("http://192.0.2.10/events")));
    }
}
