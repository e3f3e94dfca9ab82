using Amazon.CDK;
using DrsOrchestrator.Cdk;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Packaging;

// `cdk synth` (cdk.json) and `dotnet run --project src/DrsOrchestrator.Cdk` both land here.
var app = new App(new AppProps { Context = CdkFeatureFlags.All });
DeploymentConfig config;
try
{
    config = DeploymentConfigReader.Read(
        key => app.Node.TryGetContext(key),
        System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"),
        System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"));
}
catch (DeploymentConfigException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

IAssetSource assets = config.SkipPackaging
    ? new EmptyAssetSource()
    : new PublishingAssetSource(RepositoryRoot.Find(), Console.Error);
DrsOrchestratorApp.Build(app, config, assets);
app.Synth();
return 0;
