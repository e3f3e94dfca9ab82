using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using EventBus = Amazon.CDK.AWS.Events.EventBus;
using Amazon.CDK.AWS.SQS;
using Constructs;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Constructs;

namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>
/// DRS launch results (the hub account's on its default bus, spoke accounts' forwarded to the hub's
/// bus) and two schedules drive the poller; the orchestrator's own events (on its bus) are forwarded
/// to the notification topic.
/// </summary>
internal sealed class EventBridgeStack : NestedStack
{
    public const string LaunchResultDetailType = "DRS Source Server Launch Result";

    public EventBridgeStack(Construct scope, string id, EventBridgeStackProps props)
        : base(scope, id, new NestedStackProps { Description = "DRS Orchestrator EventBridge rules and schedules." })
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;

        // Name fixed: the lambda stack addresses the bus by name (it deploys first).
        Bus = new EventBus(this, "Bus", new Amazon.CDK.AWS.Events.EventBusProps { EventBusName = config.Name(ResourceNames.EventBus) });

        // Undeliverable events (function throttled or failing past retries) are kept for replay.
        TargetDeadLetters = new Queue(this, "TargetDlq", new QueueProps
        {
            QueueName = config.Name("events-dlq"),
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
        });
        Nag.Suppress(TargetDeadLetters, new NagSuppression("AwsSolutions-SQS3", "This queue is itself the dead-letter queue of the rule targets."));

        LambdaFunction Poller(RuleTargetInput? input = null) => new(props.PollerFunction, new LambdaFunctionProps
        {
            Event = input,
            DeadLetterQueue = TargetDeadLetters,
            RetryAttempts = 8,
            MaxEventAge = Duration.Hours(2),
        });

        LaunchResultRule = new Rule(this, "DrsLaunchResult", new RuleProps
        {
            RuleName = config.Name("drs-launch-result"),
            Description = "DRS recovery launch results complete waves without polling.",
            EventPattern = new EventPattern { Source = ["aws.drs"], DetailType = [LaunchResultDetailType] },
            Targets = [Poller()],
        });

        // Spoke stacks forward their accounts' launch results to this bus (a rule can only match events on its own bus).
        SpokeLaunchResultRule = new Rule(this, "SpokeDrsLaunchResult", new RuleProps
        {
            RuleName = config.Name("spoke-drs-launch-result"),
            Description = "DRS launch results forwarded from spoke accounts complete waves without polling.",
            EventBus = Bus,
            EventPattern = new EventPattern { Source = ["aws.drs"], DetailType = [LaunchResultDetailType] },
            Targets = [Poller()],
        });
        AllowSpokeEvents(config);

        FinderSchedule = new Rule(this, "ExecutionFinder", new RuleProps
        {
            RuleName = config.Name("execution-finder"),
            Description = "Reconciles active executions with DRS in case launch-result events were lost.",
            Schedule = Schedule.Rate(Duration.Minutes(5)),
            Targets = [Poller(RuleTargetInput.FromObject(new Dictionary<string, object> { ["task"] = ScheduledTask.FindExecutions }))],
        });

        TagSyncSchedule = new Rule(this, "TagSync", new RuleProps
        {
            RuleName = config.Name("tag-sync"),
            Description = "Tag sync tick: the poller runs the tag sync rules when the settings enable it and intervalHours have passed.",
            Schedule = Schedule.Rate(Duration.Minutes(ScheduledTask.TagSyncTickMinutes)),
            Targets = [Poller(RuleTargetInput.FromObject(new Dictionary<string, object> { ["task"] = ScheduledTask.TagSync }))],
        });

        NotificationRule = new Rule(this, "ForwardToNotifications", new RuleProps
        {
            RuleName = config.Name("notify"),
            Description = "Forwards the orchestrator's execution events to the notification topic.",
            EventBus = Bus,
            EventPattern = new EventPattern { Source = [ResourceNames.EventSource] },
            Targets = [new SnsTopic(props.NotificationTopic, new SnsTopicProps { DeadLetterQueue = TargetDeadLetters })],
        });
    }

    public EventBus Bus { get; }

    /// <summary>Launch results spoke accounts forward to <see cref="Bus"/>.</summary>
    public Rule SpokeLaunchResultRule { get; }

    public Queue TargetDeadLetters { get; }

    public Rule LaunchResultRule { get; }

    public Rule FinderSchedule { get; }

    public Rule TagSyncSchedule { get; }

    public Rule NotificationRule { get; }

    /// <summary>
    /// Lets the listed spoke accounts and/or the organisation put DRS events (and nothing else) on the
    /// bus; the orchestrator's own events come from the hub's roles and need no resource policy.
    /// </summary>
    private void AllowSpokeEvents(DeploymentConfig config)
    {
        var onlyDrs = new Dictionary<string, object> { ["events:source"] = "aws.drs" };
        if (config.SpokeAccountIds.Count > 0)
        {
            new CfnEventBusPolicy(this, "SpokeAccountsPolicy", new CfnEventBusPolicyProps
            {
                EventBusName = Bus.EventBusName,
                StatementId = "SpokeAccountsPutDrsEvents",
                Statement = new Dictionary<string, object>
                {
                    ["Sid"] = "SpokeAccountsPutDrsEvents",
                    ["Effect"] = "Allow",
                    ["Principal"] = new Dictionary<string, object>
                    {
                        ["AWS"] = config.SpokeAccountIds.Select(a => $"arn:{Pseudo.PARTITION}:iam::{a}:root").ToArray(),
                    },
                    ["Action"] = "events:PutEvents",
                    ["Resource"] = Bus.EventBusArn,
                    ["Condition"] = new Dictionary<string, object> { ["StringEquals"] = onlyDrs },
                },
            });
        }

        if (config.OrganizationId is { } organization)
        {
            new CfnEventBusPolicy(this, "OrganizationPolicy", new CfnEventBusPolicyProps
            {
                EventBusName = Bus.EventBusName,
                StatementId = "OrganizationPutDrsEvents",
                Statement = new Dictionary<string, object>
                {
                    ["Sid"] = "OrganizationPutDrsEvents",
                    ["Effect"] = "Allow",
                    ["Principal"] = "*",
                    ["Action"] = "events:PutEvents",
                    ["Resource"] = Bus.EventBusArn,
                    ["Condition"] = new Dictionary<string, object>
                    {
                        ["StringEquals"] = new Dictionary<string, object>(onlyDrs) { ["aws:PrincipalOrgID"] = organization },
                    },
                },
            });
        }

        if (!config.AcceptsSpokeEvents)
        {
            Annotations.Of(this).AddWarning(
                "No spokeAccountIds or organizationId: spoke accounts cannot forward DRS launch results, so their waves complete on the reconcile schedule only.");
        }
    }
}
