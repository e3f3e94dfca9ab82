using DrsOrchestrator.Domain.Ports.Accounts;

namespace DrsOrchestrator.Functions.Api.Hosting;

/// <summary>As <see cref="DeferredDrsClientFactory"/>: account lists must not resolve hub credentials to exist.</summary>
internal sealed class DeferredAccountAccessValidator(Func<IAccountAccessValidator> create) : IAccountAccessValidator
{
    private readonly Lazy<IAccountAccessValidator> inner = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public Task<AccountAccessCheck> ValidateAsync(AccountAccess access, string region, CancellationToken cancellationToken) =>
        inner.Value.ValidateAsync(access, region, cancellationToken);
}
