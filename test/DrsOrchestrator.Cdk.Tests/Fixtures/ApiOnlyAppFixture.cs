namespace DrsOrchestrator.Cdk.Tests.Fixtures;

/// <summary>API-only mode (no console) outside us-east-1, test environment, no optional extras.</summary>
public sealed class ApiOnlyAppFixture() : SynthesizedApp(new CdkContextBuilder()
    .With("environment", "test")
    .With("region", "eu-west-1")
    .With("deployFrontend", "false"));
