using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Functions.Api.Hosting;
using DrsOrchestrator.Functions.Api.Pipeline;

namespace DrsOrchestrator.Api.Tests.Support;

/// <summary>
/// The production composition pointed at a loopback port nothing listens on: for tests of the pipeline
/// itself (routing, identity, envelope), whose handlers never reach the store.
/// </summary>
public static class OfflineApi
{
    public static ApiSettings Settings { get; } = new(
        "us-east-1", ApiTestHost.AllowedOrigin, ApiTestHost.HubAccountId, TableNames.FromPrefix("offline"), new Uri("http://127.0.0.1:9"), new Uri("http://127.0.0.1:9"))
    {
        StateMachineArn = "arn:aws:states:us-east-1:100000000001:stateMachine:offline",
    };

    public static ApiPipeline Create(TextWriter? log = null) => ApiComposition.Build(Settings, log ?? TextWriter.Null);
}
