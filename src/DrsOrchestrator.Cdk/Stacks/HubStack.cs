using Amazon.CDK;
using Constructs;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Packaging;
using DrsOrchestrator.Workflow.Definition;

namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>
/// The hub: one CloudFormation stack of nested stacks, wired through typed props. Order matters only
/// for readability; references decide the deployment order and never form a cycle (see ADR 0100).
/// </summary>
internal sealed class HubStack : Stack
{
    public HubStack(Construct scope, string id, DeploymentConfig config, IAssetSource assets, IStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(assets);
        TemplateOptions.Description = $"DRS Orchestrator hub ({config.Environment}, {config.Mode} mode).";

        Security = new SecurityStack(this, "Security", new SecurityStackProps { Config = config });
        Database = new DatabaseStack(this, "Database", new DatabaseStackProps { Config = config });
        Lambda = new LambdaStack(this, "Lambda", new LambdaStackProps
        {
            Config = config,
            Assets = assets,
            Tables = TableSchema.All.ToDictionary(t => t, Database.TableFor),
            IntegrationSecret = Security.IntegrationSecret,
        });
        StepFunctions = new StepFunctionsStack(this, "StepFunctions", new StepFunctionsStackProps
        {
            Config = config,
            OrchestrationFunction = Lambda.Orchestration.Function,
            Definition = OrchestrationStateMachine.BuildDefinition(),
        });
        Api = new ApiStack(this, "Api", new ApiStackProps
        {
            Config = config,
            ApiFunction = Lambda.Api.Function,
            WebAclArn = Security.ApiWebAcl.Arn,
        });

        if (config.DeployFrontend)
        {
            Frontend = new FrontendStack(this, "Frontend", new FrontendStackProps
            {
                Config = config,
                Builder = Lambda.FrontendBuilder!,
                ConsoleDirectory = assets.ConsoleDirectory(),
                ApiUrl = Api.Api.Url,
                UserPoolId = Api.UserPool.UserPoolId,
                UserPoolClientId = Api.UserPoolClient.UserPoolClientId,
                WebAclArn = Security.CloudFrontWebAcl?.Arn ?? config.CloudFrontWebAclArn,
            });
        }

        Monitoring = new MonitoringStack(this, "Monitoring", new MonitoringStackProps
        {
            Config = config,
            Functions = Lambda.Functions,
            StateMachine = StepFunctions.StateMachine,
            Api = Api.Api,
            ApiStageName = Api.Api.DeploymentStage.StageName,
            Tables = [.. Database.Tables],
        });
        Events = new EventBridgeStack(this, "EventBridge", new EventBridgeStackProps
        {
            Config = config,
            PollerFunction = Lambda.Poller.Function,
            NotificationTopic = Monitoring.Topic,
        });

        if (config.DeployPipeline)
        {
            Pipeline = new PipelineStack(this, "Pipeline", new PipelineStackProps { Config = config, NotificationTopic = Monitoring.Topic });
            Pipeline.SuppressRoleFindings();
        }

        // Last: every grant (including those other stacks made) is on the roles by now.
        Lambda.SuppressRoleFindings();
    }

    public SecurityStack Security { get; }

    public DatabaseStack Database { get; }

    public LambdaStack Lambda { get; }

    public StepFunctionsStack StepFunctions { get; }

    public ApiStack Api { get; }

    public FrontendStack? Frontend { get; }

    public MonitoringStack Monitoring { get; }

    public EventBridgeStack Events { get; }

    public PipelineStack? Pipeline { get; }
}
