namespace DrsOrchestrator.Cdk.Tests.Fixtures;

[CollectionDefinition(Name)]
public sealed class SynthesizedAppsCollection :
    ICollectionFixture<FullAppFixture>, ICollectionFixture<ApiOnlyAppFixture>, ICollectionFixture<ExternalRoleAppFixture>
{
    public const string Name = "Synthesized apps";
}
