using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Api.Tests.Support;

/// <summary>
/// Every class that talks to the store shares one DynamoDB Local process (each with its own tables) and one
/// DRS simulator (the three-tier sample fleet on a manual clock, so nothing launches unless a test moves time).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<DynamoDbLocalFixture>, ICollectionFixture<ApiSimulatorFixture>
{
    public const string Name = "api";
}
