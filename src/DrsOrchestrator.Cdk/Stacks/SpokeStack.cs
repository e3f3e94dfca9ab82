using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;
using Constructs;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Constructs;

namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>
/// Deployed in each target (spoke) account: the one role the hub's functions assume, with the
/// external ID, to call DRS and read EC2 there, and a rule forwarding DRS launch results to the hub's bus. The hub account and external ID are stack
/// parameters, so nothing account-specific is baked into the template.
/// </summary>
internal sealed class SpokeStack : Stack
{
    /// <summary>Hub roles that act in spokes (the API for reads and launch settings, the engine, the poller).</summary>
    public static readonly IReadOnlyList<string> HubFunctionRoles =
        [ResourceNames.ApiFunction, ResourceNames.OrchestrationFunction, ResourceNames.PollerFunction];

    public SpokeStack(Construct scope, string id, DeploymentConfig config, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(config);
        TemplateOptions.Description = "DRS Orchestrator spoke: cross-account role for the hub's orchestration functions and DRS event forwarding.";

        HubAccountId = new CfnParameter(this, "HubAccountId", new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = "^[0-9]{12}$",
            Description = "The account the DRS Orchestrator hub is deployed in.",
        });
        ExternalId = new CfnParameter(this, "ExternalId", new CfnParameterProps
        {
            Type = "String",
            NoEcho = true,
            MinLength = 16,
            MaxLength = 1224,
            AllowedPattern = "^[\\w+=,.@:/-]+$",
            Description = "The external ID registered for this account in the hub (target accounts page).",
        });

        var hubRoleArns = HubFunctionRoles
            .Select(r => $"arn:{Pseudo.PARTITION}:iam::{HubAccountId.ValueAsString}:role/{config.Name(r + "-role")}")
            .ToList();
        if (config.ExternalOrchestrationRoleArn is { } external)
        {
            hubRoleArns.Add(external);
        }

        Role = new Role(this, "CrossAccountRole", new RoleProps
        {
            RoleName = config.Name(ResourceNames.SpokeRole),
            Description = "Assumed by the DRS Orchestrator hub to run DRS recovery in this account.",
            MaxSessionDuration = Duration.Hours(1),
            AssumedBy = new AccountPrincipal(HubAccountId.ValueAsString).WithConditions(new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["sts:ExternalId"] = ExternalId.ValueAsString },
                ["ArnEquals"] = new Dictionary<string, object> { ["aws:PrincipalArn"] = hubRoleArns.ToArray() },
            }),
        });

        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DrsRecovery",
            Actions =
            [
                "drs:DescribeSourceServers", "drs:DescribeJobs", "drs:DescribeJobLogItems", "drs:DescribeRecoveryInstances",
                "drs:DescribeRecoverySnapshots", "drs:GetLaunchConfiguration", "drs:UpdateLaunchConfiguration",
                "drs:StartRecovery", "drs:TerminateRecoveryInstances", "drs:CreateRecoveryInstanceForDrs",
                "drs:ListTagsForResource", "drs:TagResource", "drs:UntagResource",
            ],
            Resources = ["*"],
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "Ec2ForRecovery",
            Actions =
            [
                "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplates",
                "ec2:DescribeLaunchTemplateVersions", "ec2:DescribeInstances", "ec2:DescribeVolumes", "ec2:DescribeSnapshots",
                "ec2:DescribeImages", "ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate", "ec2:DeleteLaunchTemplateVersions",
                "ec2:RunInstances", "ec2:StartInstances", "ec2:StopInstances", "ec2:TerminateInstances", "ec2:AttachVolume",
                "ec2:DetachVolume", "ec2:DeleteVolume", "ec2:CreateTags", "iam:ListInstanceProfiles", "servicequotas:GetServiceQuota",
            ],
            Resources = ["*"],
        }));
        // Recovery instances launch with the instance profile of the server's launch template, which an
        // operator picks from this account's profiles (iam:ListInstanceProfiles): any of its roles, but only
        // handed to EC2.
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PassRecoveryInstanceRole",
            Actions = ["iam:PassRole"],
            Resources = [$"arn:{Pseudo.PARTITION}:iam::{Pseudo.ACCOUNT_ID}:role/*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "ec2.amazonaws.com" },
            },
        }));
        Nag.SuppressChild(Role, "DefaultPolicy", new NagSuppression("AwsSolutions-IAM5",
            "DRS StartRecovery and the EC2 actions it performs with the caller's rights support no resource-level scoping; "
            + "PassRole covers this account's roles (the recovery instance profile is the operator's choice) and only when passed to EC2.",
            ["Resource::*", "Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/*"]));

        LaunchResultForwarding = ForwardLaunchResults(config);

        new CfnOutput(this, "CrossAccountRoleArn", new CfnOutputProps { Value = Role.RoleArn, Description = "Register this ARN with the external ID in the hub." });
    }

    public CfnParameter HubAccountId { get; }

    public CfnParameter ExternalId { get; }

    public Role Role { get; }

    /// <summary>The hub's region; empty means the spoke's own region.</summary>
    public CfnParameter HubRegion { get; private set; } = null!;

    /// <summary>Sends this account's DRS launch results to the hub's bus.</summary>
    public Rule LaunchResultForwarding { get; }

    /// <summary>
    /// DRS publishes launch results only on this account's default bus; the hub's poller can act on
    /// them only if they reach the hub. Cross-account bus targets need a role EventBridge assumes here.
    /// </summary>
    private Rule ForwardLaunchResults(DeploymentConfig config)
    {
        HubRegion = new CfnParameter(this, "HubRegion", new CfnParameterProps
        {
            Type = "String",
            Default = string.Empty,
            AllowedPattern = "^([a-z]{2}(-[a-z]+)+-[0-9])?$",
            Description = "The hub's region, when it differs from this stack's region (DRS launch results are forwarded there).",
        });
        var sameRegion = new CfnCondition(this, "HubInThisRegion", new CfnConditionProps
        {
            Expression = Fn.ConditionEquals(HubRegion.ValueAsString, string.Empty),
        });
        var hubRegion = Fn.ConditionIf(sameRegion.LogicalId, Pseudo.REGION, HubRegion.ValueAsString).ToString()!;
        var hubBusArn = $"arn:{Pseudo.PARTITION}:events:{hubRegion}:{HubAccountId.ValueAsString}:event-bus/{config.Name(ResourceNames.EventBus)}";

        var forwarder = new Role(this, "EventForwardingRole", new RoleProps
        {
            RoleName = config.Name("drs-event-forwarder"),
            Description = "Lets EventBridge put this account's DRS launch results on the hub's event bus.",
            AssumedBy = new ServicePrincipal("events.amazonaws.com"),
        });
        // The bus target grants this role events:PutEvents on the hub bus and nothing else.

        // Deliveries the hub refuses (bus policy missing, bus deleted) land here for diagnosis and replay.
        var deadLetters = new Queue(this, "ForwardingDlq", new QueueProps
        {
            QueueName = config.Name("drs-event-forwarding-dlq"),
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
        });
        Nag.Suppress(deadLetters, new NagSuppression("AwsSolutions-SQS3", "This queue is itself the dead-letter queue of the forwarding rule."));

        return new Rule(this, "ForwardDrsLaunchResults", new RuleProps
        {
            RuleName = config.Name("forward-drs-launch-result"),
            Description = "Forwards DRS recovery launch results to the DRS Orchestrator hub's event bus.",
            EventPattern = new EventPattern { Source = ["aws.drs"], DetailType = [EventBridgeStack.LaunchResultDetailType] },
            Targets =
            [
                new Amazon.CDK.AWS.Events.Targets.EventBus(
                    Amazon.CDK.AWS.Events.EventBus.FromEventBusArn(this, "HubBus", hubBusArn),
                    new Amazon.CDK.AWS.Events.Targets.EventBusProps { Role = forwarder, DeadLetterQueue = deadLetters }),
            ],
        });
    }
}
