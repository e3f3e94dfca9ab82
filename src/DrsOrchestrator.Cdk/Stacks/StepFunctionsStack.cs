using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Constructs;
using DrsOrchestrator.Workflow.Definition;

namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>The orchestration state machine, deployed from the shared C# ASL builder.</summary>
internal sealed class StepFunctionsStack : NestedStack
{
    public StepFunctionsStack(Construct scope, string id, StepFunctionsStackProps props)
        : base(scope, id, new NestedStackProps { Description = "DRS Orchestrator Step Functions state machine." })
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var name = config.Name(ResourceNames.StateMachine);

        LogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            // Step Functions vended logs need the /aws/vendedlogs/ prefix to keep the resource policy small.
            LogGroupName = "/aws/vendedlogs/states/" + name,
            Retention = config.IsProduction ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
            RemovalPolicy = config.IsProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        Role = new Role(this, "Role", new RoleProps
        {
            RoleName = config.Name("state-machine-role"),
            Description = "Lets the orchestration state machine invoke the orchestration function and nothing else.",
            AssumedBy = new ServicePrincipal("states.amazonaws.com"),
        });
        Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["lambda:InvokeFunction"],
            Resources = [props.OrchestrationFunction.FunctionArn, props.OrchestrationFunction.FunctionArn + ":*"],
        }));

        var substitutions = new Dictionary<string, string>
        {
            [OrchestrationStateMachine.FunctionArnPlaceholder] = props.OrchestrationFunction.FunctionArn,
        };
        var missing = OrchestrationStateMachine.Placeholders.Where(p => !substitutions.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("The workflow definition has placeholders the stack does not bind: " + string.Join(", ", missing));
        }

        StateMachine = new StateMachine(this, "StateMachine", new StateMachineProps
        {
            StateMachineName = name,
            StateMachineType = StateMachineType.STANDARD,
            DefinitionBody = DefinitionBody.FromString(props.Definition),
            DefinitionSubstitutions = substitutions,
            Role = Role,
            TracingEnabled = true,
            Logs = new LogOptions { Destination = LogGroup, Level = LogLevel.ALL, IncludeExecutionData = true },
        });

        Nag.SuppressChild(Role, "DefaultPolicy", new NagSuppression("AwsSolutions-IAM5",
            "Log delivery and X-Ray actions support no resource-level permissions; the function ARN wildcard covers its versions and aliases only.",
            ["Resource::*", "regex:/^Resource::<.+>:\\*$/g"]));
    }

    public StateMachine StateMachine { get; }

    public Role Role { get; }

    public LogGroup LogGroup { get; }
}
