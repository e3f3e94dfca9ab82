using DrsOrchestrator.Aws.Drs;
using DrsOrchestrator.Aws.EventBridge;
using DrsOrchestrator.Aws.StepFunctions;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Events;
using DrsOrchestrator.Domain.Ports.Workflow;

namespace DrsOrchestrator.Aws.Wire;

/// <summary>Entry points for the hub's own single-account clients; spoke DRS and EC2 go through the cross-account factories.</summary>
public static class AwsClients
{
    public static IWorkflowClient StepFunctions(string region, IAwsCredentialSource credentials, AwsClientOptions? options = null) =>
        new StepFunctionsClient(new AwsWireClient(AwsService.StepFunctions, region, credentials, options ?? AwsClientOptions.Default, JsonErrorParser.Instance));

    /// <param name="source">The events' source field, e.g. "drs-orchestrator"; rules match on it.</param>
    public static IEventPublisher EventBridge(string region, string eventBusName, string source, IAwsCredentialSource credentials, AwsClientOptions? options = null) =>
        new EventBridgePublisher(new AwsWireClient(AwsService.EventBridge, region, credentials, options ?? AwsClientOptions.Default, JsonErrorParser.Instance), eventBusName, source);

    /// <summary>DRS in one account with the given credentials (the hub's own account, or a tool with its own keys).</summary>
    public static IDrsClient Drs(string accountId, string region, IAwsCredentialSource credentials, AwsClientOptions? options = null) =>
        new DrsClient(accountId, new AwsWireClient(AwsService.Drs, region, credentials, options ?? AwsClientOptions.Default, JsonErrorParser.Instance));
}
