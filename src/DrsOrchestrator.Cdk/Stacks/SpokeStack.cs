using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Constructs;

namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>
/// Deployed in each target (spoke) account: the one role the hub's functions assume, with the
/// external ID, to call DRS and read EC2 there. The hub account and external ID are stack
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
        TemplateOptions.Description = "DRS Orchestrator spoke: cross-account role for the hub's orchestration functions.";

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
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PassRecoveryInstanceRole",
            Actions = ["iam:PassRole"],
            Resources = [$"arn:{Pseudo.PARTITION}:iam::{Pseudo.ACCOUNT_ID}:role/*AWSElasticDisasterRecovery*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "ec2.amazonaws.com" },
            },
        }));
        Nag.SuppressChild(Role, "DefaultPolicy", new NagSuppression("AwsSolutions-IAM5",
            "DRS StartRecovery and the EC2 actions it performs with the caller's rights support no resource-level scoping; PassRole is limited to DRS's instance roles.",
            ["Resource::*", "Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/*AWSElasticDisasterRecovery*"]));

        new CfnOutput(this, "CrossAccountRoleArn", new CfnOutputProps { Value = Role.RoleArn, Description = "Register this ARN with the external ID in the hub." });
    }

    public CfnParameter HubAccountId { get; }

    public CfnParameter ExternalId { get; }

    public Role Role { get; }
}
