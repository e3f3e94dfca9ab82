using Amazon.CDK;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Packaging;
using DrsOrchestrator.Cdk.Stacks;

namespace DrsOrchestrator.Cdk;

/// <summary>Composes the app's stacks on an <see cref="App"/>; Program and the tests share it.</summary>
internal sealed class DrsOrchestratorApp
{
    private DrsOrchestratorApp(HubStack hub, SpokeStack spoke, EdgeWafStack? edgeWaf)
    {
        Hub = hub;
        Spoke = spoke;
        EdgeWaf = edgeWaf;
    }

    public HubStack Hub { get; }

    public SpokeStack Spoke { get; }

    /// <summary>Present when the console is hosted and the hub is outside us-east-1.</summary>
    public EdgeWafStack? EdgeWaf { get; }

    public static DrsOrchestratorApp Build(App app, DeploymentConfig config, IAssetSource assets)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(config);
        var env = new Amazon.CDK.Environment { Account = config.Account, Region = config.Region };

        var hub = new HubStack(app, config.Name("hub"), config, assets, new StackProps
        {
            StackName = $"{config.ProjectName}-{config.Environment}",
            Env = env,
            // cdk-nag runs over the templates in the test command, so synth itself stays quiet.
            AnalyticsReporting = false,
        });

        // Spokes are other accounts: account-agnostic on purpose, region from the deploy command.
        var spoke = new SpokeStack(app, config.Name("spoke"), config, new StackProps
        {
            StackName = config.Name("spoke"),
            AnalyticsReporting = false,
        });

        EdgeWafStack? edge = null;
        if (config.DeployFrontend && config.Region != DeploymentConfig.CloudFrontWafRegion)
        {
            edge = new EdgeWafStack(app, config.Name("edge-waf"), config, new StackProps
            {
                StackName = config.Name("edge-waf"),
                Env = new Amazon.CDK.Environment { Account = config.Account, Region = DeploymentConfig.CloudFrontWafRegion },
                AnalyticsReporting = false,
            });
        }

        Tags.Of(app).Add("Project", config.ProjectName);
        Tags.Of(app).Add("Environment", config.Environment);
        return new DrsOrchestratorApp(hub, spoke, edge);
    }
}
