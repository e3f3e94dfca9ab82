using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Constructs;
using DrsOrchestrator.Cdk.Packaging;

namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>
/// The four functions, each with a role of its own. The state machine, event bus and spoke roles are
/// addressed by their deterministic names, so this stack deploys before the stacks that invoke it.
/// </summary>
internal sealed class LambdaStack : NestedStack
{
    // DRS reads the API and engine make against the hub's own account; writes are listed per role.
    private static readonly string[] DrsRead =
    [
        "drs:DescribeSourceServers", "drs:DescribeJobs", "drs:DescribeJobLogItems", "drs:DescribeRecoveryInstances",
        "drs:DescribeRecoverySnapshots", "drs:GetLaunchConfiguration", "drs:ListTagsForResource",
    ];

    private static readonly string[] Ec2Read =
    [
        "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplates",
        "ec2:DescribeLaunchTemplateVersions", "ec2:DescribeInstances", "iam:ListInstanceProfiles",
    ];

    /// <summary>Launch templates in the hub's own account, any region (DRS keeps one per source server).</summary>
    private static string LaunchTemplateArns => $"arn:{Pseudo.PARTITION}:ec2:*:{Pseudo.ACCOUNT_ID}:launch-template/*";

    private readonly string spokeRoleName;
    private readonly string stateMachineName;

    public LambdaStack(Construct scope, string id, LambdaStackProps props)
        : base(scope, id, new NestedStackProps { Description = "DRS Orchestrator Lambda functions." })
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        spokeRoleName = config.Name(ResourceNames.SpokeRole);
        stateMachineName = config.Name(ResourceNames.StateMachine);
        StateMachineArn = Arn(Stack.Of(this), "states", "stateMachine", config.Name(ResourceNames.StateMachine), ArnFormat.COLON_RESOURCE_NAME);
        var executionArns = Arn(Stack.Of(this), "states", "execution", config.Name(ResourceNames.StateMachine) + ":*", ArnFormat.COLON_RESOURCE_NAME);
        EventBusArn = Arn(Stack.Of(this), "events", "event-bus", config.Name(ResourceNames.EventBus), ArnFormat.SLASH_RESOURCE_NAME);
        var spokeRoleArn = $"arn:{Pseudo.PARTITION}:iam::*:role/{config.Name(ResourceNames.SpokeRole)}";

        var environment = new Dictionary<string, string>
        {
            [FunctionEnvironment.StateMachineArn] = StateMachineArn,
            [FunctionEnvironment.EventBusName] = config.Name(ResourceNames.EventBus),
            [FunctionEnvironment.EventSource] = ResourceNames.EventSource,
            [FunctionEnvironment.SpokeRoleName] = config.Name(ResourceNames.SpokeRole),
            [FunctionEnvironment.IntegrationSecretArn] = props.IntegrationSecret.SecretArn,
            [FunctionEnvironment.ProjectName] = config.ProjectName,
            [FunctionEnvironment.Environment] = config.Environment,
            [FunctionEnvironment.HubAccountId] = Pseudo.ACCOUNT_ID,
        };
        foreach (var (definition, table) in props.Tables)
        {
            environment[definition.EnvironmentVariable] = table.TableName;
        }

        // The console's CloudFront domain cannot be referenced here: the frontend stack deploys after this one
        // (it invokes the builder function and needs the API URL), so the origin comes from configuration.
        var apiEnvironment = new Dictionary<string, string>(environment) { [FunctionEnvironment.CorsAllowedOrigin] = config.CorsAllowedOrigin };
        Api = Create(props, LambdaProject.Api, ResourceNames.ApiFunction, "REST API: route table dispatcher.", 1024, Duration.Seconds(29), apiEnvironment);
        Orchestration = Create(props, LambdaProject.Orchestration, ResourceNames.OrchestrationFunction,
            "Step Functions tasks: starts waves, reconciles DRS jobs.", 1024, Duration.Minutes(5), environment,
            config.ExternalOrchestrationRoleArn is { } roleArn
                ? Role.FromRoleArn(this, "ExternalOrchestrationRole", roleArn, new FromRoleArnOptions { Mutable = false })
                : null);
        Poller = Create(props, LambdaProject.ExecutionPoller, ResourceNames.PollerFunction,
            "DRS launch-result events, the execution finder and tag sync.", 512, Duration.Minutes(5), environment);
        if (config.DeployFrontend)
        {
            // The builder stops publishing a minute before its timeout so it can still answer FAILED.
            FrontendBuilder = Create(props, LambdaProject.FrontendBuilder, ResourceNames.FrontendBuilderFunction,
                "CloudFormation custom resource: publishes the console and aws-config.json.", 1024, Duration.Minutes(10),
                new Dictionary<string, string> { [FunctionEnvironment.PublishTimeoutSeconds] = "540" });
        }

        foreach (var function in new[] { Api, Orchestration })
        {
            foreach (var table in props.Tables.Values)
            {
                table.GrantReadWriteData(function.Role);
            }
        }

        // The poller only reads target accounts (spoke roles, tag sync locations) and protection groups (the
        // engine resolves servers), never touches recovery plans; it writes executions and their claims (the
        // finder) and the settings table's tag sync run record.
        foreach (var (definition, table) in props.Tables)
        {
            if (definition == TableSchema.TargetAccounts || definition == TableSchema.ProtectionGroups)
            {
                table.GrantReadData(Poller.Role);
            }
            else if (definition != TableSchema.RecoveryPlans)
            {
                table.GrantReadWriteData(Poller.Role);
            }
        }

        foreach (var function in new[] { Api, Orchestration, Poller })
        {
            Allow(function, ["sts:AssumeRole"], spokeRoleArn);
            Allow(function, ["events:PutEvents"], EventBusArn);
        }

        props.IntegrationSecret.GrantRead(Api.Role);
        props.IntegrationSecret.GrantRead(Poller.Role);

        // apply-launch-configuration writes DRS's launch configuration and a new default version of the
        // server's launch template (it launches nothing, so it passes no role).
        Allow(Api, [.. DrsRead, "drs:UpdateLaunchConfiguration", "drs:TagResource", "drs:UntagResource", "drs:TerminateRecoveryInstances",
            .. Ec2Read, "servicequotas:GetServiceQuota"], "*");
        // A version EC2 created only with warnings is deleted again (docs/adr/0008), on the same templates.
        Allow(Api, ["ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate", "ec2:DeleteLaunchTemplateVersions"], LaunchTemplateArns);
        Allow(Api, ["states:StartExecution"], StateMachineArn);
        Allow(Api, ["states:DescribeExecution", "states:StopExecution"], executionArns);
        Allow(Api, ["states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"], "*");

        // StartRecovery acts with the caller's permissions on EC2 (launch templates, volumes, instances).
        Allow(Orchestration, [.. DrsRead, "drs:StartRecovery", "drs:UpdateLaunchConfiguration", "drs:TagResource",
            "drs:TerminateRecoveryInstances", "drs:CreateRecoveryInstanceForDrs", .. Ec2Read,
            "ec2:DescribeVolumes", "ec2:DescribeSnapshots", "ec2:DescribeImages", "ec2:CreateLaunchTemplateVersion",
            "ec2:ModifyLaunchTemplate", "ec2:DeleteLaunchTemplateVersions", "ec2:RunInstances", "ec2:StartInstances",
            "ec2:StopInstances", "ec2:TerminateInstances", "ec2:AttachVolume", "ec2:DetachVolume", "ec2:DeleteVolume",
            "ec2:CreateTags", "servicequotas:GetServiceQuota"], "*");
        Allow(Orchestration, ["states:SendTaskSuccess", "states:SendTaskFailure"], "*");
        if (Orchestration.OwnsRole)
        {
            // The recovery instance profile in a launch template is the operator's choice: any role, only to EC2.
            Orchestration.Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = ["iam:PassRole"],
                Resources = [$"arn:{Pseudo.PARTITION}:iam::{Pseudo.ACCOUNT_ID}:role/*"],
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "ec2.amazonaws.com" },
                },
            }));
        }

        // Tag sync adds tags and never removes any.
        Allow(Poller, [.. DrsRead, "drs:TagResource", "ec2:DescribeInstances"], "*");
        Allow(Poller, ["states:SendTaskSuccess", "states:SendTaskFailure"], "*");
        Allow(Poller, ["states:ListExecutions"], StateMachineArn);
        Allow(Poller, ["states:DescribeExecution"], executionArns);
    }

    public DotnetFunction Api { get; }

    public DotnetFunction Orchestration { get; }

    public DotnetFunction Poller { get; }

    /// <summary>Null in API-only mode.</summary>
    public DotnetFunction? FrontendBuilder { get; }

    public IReadOnlyList<DotnetFunction> Functions =>
        FrontendBuilder is null ? [Api, Orchestration, Poller] : [Api, Orchestration, Poller, FrontendBuilder];

    public string StateMachineArn { get; }

    public string EventBusArn { get; }

    /// <summary>Records why the wildcards left in each role are acceptable. Call once every grant is made.</summary>
    public void SuppressRoleFindings()
    {
        var reason = new NagSuppression("AwsSolutions-IAM5",
            "DRS, EC2 Describe* and launch-template writes, Step Functions SendTask* and Service Quotas actions support no resource-level scoping; "
            + "the spoke role is matched by its fixed name in any target account, executions by their state machine, indexes by their table; "
            + "PassRole covers the account's roles (the recovery instance profile is the operator's choice) only when passed to EC2.",
            ["Resource::*", $"Resource::arn:<AWS::Partition>:iam::*:role/{spokeRoleName}", @"regex:/^Resource::<[A-Za-z0-9.]+>\/index\/\*$/g",
             $"regex:/^Resource::arn:<AWS::Partition>:states:[^:]+:<AWS::AccountId>:execution:{stateMachineName}:\\*$/g",
             "Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/*",
             "Resource::arn:<AWS::Partition>:ec2:*:<AWS::AccountId>:launch-template/*"]);
        foreach (var function in Functions)
        {
            function.SuppressRoleFindings(reason);
        }
    }

    private static string Arn(Stack stack, string service, string resource, string name, ArnFormat format) =>
        stack.FormatArn(new ArnComponents { Service = service, Resource = resource, ResourceName = name, ArnFormat = format });

    private static void Allow(DotnetFunction function, string[] actions, string resource) =>
        function.Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps { Actions = actions, Resources = [resource] }));

    private DotnetFunction Create(LambdaStackProps props, LambdaProject project, string name, string description, int memory,
        Duration timeout, IReadOnlyDictionary<string, string> environment, IRole? existingRole = null) =>
        new(this, project.AssemblyName.Replace("DrsOrchestrator.Functions.", string.Empty, StringComparison.Ordinal), new DotnetFunctionProps
        {
            Config = props.Config,
            Project = project,
            Name = name,
            CodeDirectory = props.Assets.FunctionDirectory(project),
            Description = description,
            MemorySize = memory,
            Timeout = timeout,
            Environment = environment,
            ExistingRole = existingRole,
        });
}
