using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace DrsOrchestrator.Cdk.Constructs;

/// <summary>
/// The one place that decides how every function runs: managed dotnet10 runtime, arm64, JSON logs
/// into a log group with retention, X-Ray, a dead-letter queue for async invokes and a role of its own.
/// </summary>
internal sealed class DotnetFunction : Construct
{
    /// <summary>CDK 2.160 predates the constant; the managed runtime identifier is what matters.</summary>
    public static readonly Runtime Dotnet10 = new("dotnet10", RuntimeFamily.DOTNET_CORE);

    public DotnetFunction(Construct scope, string id, DotnetFunctionProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        FunctionName = config.Name(props.Name);

        LogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            LogGroupName = "/aws/lambda/" + FunctionName,
            Retention = config.IsProduction ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
            RemovalPolicy = config.IsProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        DeadLetterQueue = new Queue(this, "Dlq", new QueueProps
        {
            QueueName = config.Name(props.Name + "-dlq"),
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
        });
        Nag.Suppress(DeadLetterQueue, new NagSuppression("AwsSolutions-SQS3", "This queue is itself the dead-letter queue of the function's async invokes."));

        if (props.ExistingRole is null)
        {
            OwnsRole = true;
            Role = new Role(this, "Role", new RoleProps
            {
                RoleName = config.Name(props.Name + "-role"),
                Description = $"Execution role of {FunctionName} only.",
                AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            });

            // Scoped to this function's log group instead of the AWSLambdaBasicExecutionRole managed policy.
            Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resources = [LogGroup.LogGroupArn, LogGroup.LogGroupArn + ":*"],
            }));
        }
        else
        {
            Role = props.ExistingRole;
        }

        Function = new Function(this, "Function", new FunctionProps
        {
            FunctionName = FunctionName,
            Description = props.Description,
            Runtime = Dotnet10,
            Architecture = Architecture.ARM_64,
            Handler = props.Project.Handler,
            Code = Code.FromAsset(props.CodeDirectory),
            MemorySize = props.MemorySize,
            Timeout = props.Timeout,
            Role = Role,
            LogGroup = LogGroup,
            LoggingFormat = LoggingFormat.JSON,
            ApplicationLogLevelV2 = ApplicationLogLevel.INFO,
            SystemLogLevelV2 = SystemLogLevel.WARN,
            Tracing = Tracing.ACTIVE,
            DeadLetterQueueEnabled = true,
            DeadLetterQueue = DeadLetterQueue,
            Environment = new Dictionary<string, string>(props.Environment)
            {
                // Framework-dependent publish: the managed runtime supplies the shared framework.
                ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "true",
            },
        });
    }

    public string FunctionName { get; }

    public Function Function { get; }

    public IRole Role { get; }

    /// <summary>False when the role came from outside the app: grants to it are then the owner's job.</summary>
    public bool OwnsRole { get; }

    public LogGroup LogGroup { get; }

    public Queue DeadLetterQueue { get; }

    /// <summary>
    /// Records why the role's remaining wildcards are acceptable. Call after every grant, so the
    /// suppression lands on the policy that holds them.
    /// </summary>
    public void SuppressRoleFindings(params NagSuppression[] extra)
    {
        if (!OwnsRole)
        {
            return;
        }

        NagSuppression[] common =
        [
            new("AwsSolutions-IAM5", "X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions; log stream ARNs end in a wildcard by design.",
                ["Resource::*", $"Resource::<{LogicalIdOf(LogGroup)}.Arn>:*"]),
        ];
        Nag.SuppressChild(Role, "DefaultPolicy", [.. common, .. extra]);
    }

    private static string LogicalIdOf(IConstruct construct) =>
        Stack.Of(construct).GetLogicalId((CfnElement)construct.Node.DefaultChild!);
}
