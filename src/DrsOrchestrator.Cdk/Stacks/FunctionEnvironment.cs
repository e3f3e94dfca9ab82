namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>
/// Environment variable names the lambda stack sets besides the table names (those come from
/// <c>TableDefinition.EnvironmentVariable</c>). Handlers read them into their settings record.
/// </summary>
/// <remarks>AWS_REGION is reserved: Lambda sets it and CloudFormation rejects a function that tries to.</remarks>
internal static class FunctionEnvironment
{
    public const string StateMachineArn = "STATE_MACHINE_ARN";
    public const string EventBusName = "EVENT_BUS_NAME";
    public const string EventSource = "EVENT_SOURCE";
    public const string SpokeRoleName = "SPOKE_ROLE_NAME";
    public const string IntegrationSecretArn = "INTEGRATION_SECRET_ARN";
    public const string ProjectName = "PROJECT_NAME";
    public const string Environment = "ENVIRONMENT";

    /// <summary>The account the hub runs in: its own DRS calls use the function's role instead of an assumed spoke role.</summary>
    public const string HubAccountId = "HUB_ACCOUNT_ID";

    /// <summary>API only: the console's origin, echoed in Access-Control-Allow-Origin.</summary>
    public const string CorsAllowedOrigin = "CORS_ALLOWED_ORIGIN";

    /// <summary>Frontend builder only: seconds of publishing before it gives up and answers FAILED.</summary>
    public const string PublishTimeoutSeconds = "PUBLISH_TIMEOUT_SECONDS";
}
