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
/// DRS launch results and two schedules drive the poller; the orchestrator's own events (on its bus)
/// are forwarded to the notification topic.
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
            Description = "Copies EC2 source instance tags to DRS source servers (the settings decide whether it runs).",
            Schedule = Schedule.Rate(Duration.Hours(4)),
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

    public Queue TargetDeadLetters { get; }

    public Rule LaunchResultRule { get; }

    public Rule FinderSchedule { get; }

    public Rule TagSyncSchedule { get; }

    public Rule NotificationRule { get; }
}
