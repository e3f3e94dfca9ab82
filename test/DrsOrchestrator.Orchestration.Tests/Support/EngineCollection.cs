using DrsOrchestrator.Tests.Common.DynamoDb;
using Xunit;

namespace DrsOrchestrator.Orchestration.Tests.Support;

/// <summary>One DynamoDB Local for the assembly; each harness creates its own tables.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<DynamoDbLocalFixture>
{
    public const string Name = "engine";
}
