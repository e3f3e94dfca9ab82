using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Functions.Api.Hosting;

/// <summary>
/// Builds the cross-account factory (hub credentials, STS client) on the first DRS call, not when a use case
/// that might call DRS is constructed: a cold GET /protection-groups should pay for DynamoDB only.
/// </summary>
internal sealed class DeferredDrsClientFactory(Func<IDrsClientFactory> create) : IDrsClientFactory
{
    private readonly Lazy<IDrsClientFactory> inner = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public IDrsClient For(string accountId, string region) => inner.Value.For(accountId, region);
}
