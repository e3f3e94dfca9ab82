using DrsOrchestrator.Domain.Ports.Ec2;

namespace DrsOrchestrator.Functions.Api.Hosting;

/// <summary>As <see cref="DeferredDrsClientFactory"/>, for EC2.</summary>
internal sealed class DeferredEc2ClientFactory(Func<IEc2ClientFactory> create) : IEc2ClientFactory
{
    private readonly Lazy<IEc2ClientFactory> inner = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public IEc2Client For(string accountId, string region) => inner.Value.For(accountId, region);
}
