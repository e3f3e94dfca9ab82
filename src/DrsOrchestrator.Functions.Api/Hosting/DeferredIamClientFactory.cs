using DrsOrchestrator.Domain.Ports.Iam;

namespace DrsOrchestrator.Functions.Api.Hosting;

/// <summary>As <see cref="DeferredDrsClientFactory"/>, for IAM.</summary>
internal sealed class DeferredIamClientFactory(Func<IIamClientFactory> create) : IIamClientFactory
{
    private readonly Lazy<IIamClientFactory> inner = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public IIamClient For(string accountId) => inner.Value.For(accountId);
}
