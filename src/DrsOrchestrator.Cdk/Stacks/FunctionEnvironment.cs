namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>
/// Environment variable names the lambda stack sets besides the table names (those come from
/// <c>TableDefinition.EnvironmentVariable</c>). Handlers read them into their settings record.
/// </summary>
internal static class FunctionEnvironment
{
    public const string StateMachineArn = "STATE_MACHINE_ARN";
    public const string EventBusName = "EVENT_BUS_NAME";
    public const string EventSource = "EVENT_SOURCE";
    public const string SpokeRoleName = "SPOKE_ROLE_NAME";
    public const string IntegrationSecretArn = "INTEGRATION_SECRET_ARN";
    public const string ProjectName = "PROJECT_NAME";
    public const string Environment = "ENVIRONMENT";

    /// <summary>Frontend builder only: seconds of publishing before it gives up and answers FAILED.</summary>
    public const string PublishTimeoutSeconds = "PUBLISH_TIMEOUT_SECONDS";
}
