using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>The encrypted notification topic, alarms on everything an operator must hear about, and a dashboard.</summary>
internal sealed class MonitoringStack : NestedStack
{
    private readonly List<Alarm> alarms = [];

    public MonitoringStack(Construct scope, string id, MonitoringStackProps props)
        : base(scope, id, new NestedStackProps { Description = "DRS Orchestrator notifications, alarms and dashboard." })
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;

        TopicKey = new Key(this, "TopicKey", new KeyProps
        {
            Alias = "alias/" + config.Name("notifications"),
            Description = "Encrypts the notification topic of " + config.ProjectName,
            EnableKeyRotation = true,
            RemovalPolicy = config.IsProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        // EventBridge, CloudWatch alarms and CodeStar notifications publish to the encrypted topic.
        foreach (var service in new[] { "events.amazonaws.com", "cloudwatch.amazonaws.com", "codestar-notifications.amazonaws.com" })
        {
            TopicKey.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Principals = [new ServicePrincipal(service)],
                Actions = ["kms:GenerateDataKey*", "kms:Decrypt"],
                Resources = ["*"],
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Pseudo.ACCOUNT_ID },
                },
            }));
        }

        Topic = new Topic(this, "Notifications", new TopicProps
        {
            TopicName = config.Name("notifications"),
            DisplayName = "DRS Orchestrator " + config.Environment,
            MasterKey = TopicKey,
            EnforceSSL = true,
        });
        if (config.NotificationEmail is { } email)
        {
            Topic.AddSubscription(new EmailSubscription(email));
        }

        var action = new SnsAction(Topic);
        foreach (var function in props.Functions)
        {
            AddAlarm($"{function.Node.Id}Errors", function.Function.MetricErrors(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Sum" }),
                $"{function.FunctionName} returned errors.", action);
        }

        AddAlarm("ExecutionsFailed", props.StateMachine.MetricFailed(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Sum" }),
            "An orchestration workflow execution failed.", action);
        AddAlarm("ExecutionsTimedOut", props.StateMachine.MetricTimedOut(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Sum" }),
            "An orchestration workflow execution timed out.", action);

        var api5xx = new Metric(new MetricProps
        {
            Namespace = "AWS/ApiGateway",
            MetricName = "5XXError",
            DimensionsMap = new Dictionary<string, string> { ["ApiName"] = props.Api.RestApiName, ["Stage"] = props.ApiStageName },
            Statistic = "Sum",
            Period = Duration.Minutes(5),
        });
        AddAlarm("Api5xx", api5xx, "The REST API answered 5xx.", action);

        var throttleMetrics = new List<IMetric>();
        for (var i = 0; i < props.Tables.Count; i++)
        {
            var table = props.Tables[i];
            var throttles = new MathExpression(new MathExpressionProps
            {
                // Ids must be unique across the dashboard graph that shows every table.
                Expression = $"r{i} + w{i}",
                UsingMetrics = new Dictionary<string, IMetric>
                {
                    [$"r{i}"] = TableMetric(table.TableName, "ReadThrottleEvents"),
                    [$"w{i}"] = TableMetric(table.TableName, "WriteThrottleEvents"),
                },
                Label = "Throttles",
                Period = Duration.Minutes(5),
            });
            throttleMetrics.Add(throttles);
            AddAlarm($"Table{i}Throttles", throttles, "A DynamoDB table throttled requests.", action);
        }

        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps { DashboardName = config.Name("dashboard") });
        Dashboard.AddWidgets(
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Function errors", Width = 12,
                Left = [.. props.Functions.Select(f => f.Function.MetricErrors())],
            }),
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Function duration (p95)", Width = 12,
                Left = [.. props.Functions.Select(f => f.Function.MetricDuration(new MetricOptions { Statistic = "p95" }))],
            }));
        Dashboard.AddWidgets(
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Workflow executions", Width = 12,
                Left = [props.StateMachine.MetricStarted(), props.StateMachine.MetricSucceeded(), props.StateMachine.MetricFailed()],
            }),
            new GraphWidget(new GraphWidgetProps { Title = "API 5xx", Width = 6, Left = [api5xx] }),
            new GraphWidget(new GraphWidgetProps { Title = "DynamoDB throttles", Width = 6, Left = [.. throttleMetrics] }));
        Dashboard.AddWidgets(new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = "Alarms", Width = 24, Alarms = [.. alarms] }));
    }

    public Key TopicKey { get; }

    public Topic Topic { get; }

    public Dashboard Dashboard { get; }

    public IReadOnlyList<Alarm> Alarms => alarms;

    private static Metric TableMetric(string tableName, string name) => new(new MetricProps
    {
        Namespace = "AWS/DynamoDB",
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["TableName"] = tableName },
        Statistic = "Sum",
        Period = Duration.Minutes(5),
    });

    private void AddAlarm(string id, IMetric metric, string description, SnsAction action)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            Metric = metric,
            Threshold = 1,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
            AlarmDescription = description,
        });
        alarm.AddAlarmAction(action);
        alarms.Add(alarm);
    }
}
