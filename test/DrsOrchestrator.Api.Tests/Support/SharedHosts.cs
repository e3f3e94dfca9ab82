using System.Collections.Concurrent;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Api.Tests.Support;

/// <summary>One host per test class (xunit creates a class instance per test; tables are created once).</summary>
public static class SharedHosts
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<ApiTestHost>>> Hosts = new(StringComparer.Ordinal);

    public static Task<ApiTestHost> GetAsync(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator, string name) =>
        Hosts.GetOrAdd(name, n => new Lazy<Task<ApiTestHost>>(() => ApiTestHost.CreateAsync(dynamo, simulator, n))).Value;
}
