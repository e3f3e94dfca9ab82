using System.Diagnostics;
using DrsOrchestrator.Application.Accounts;
using DrsOrchestrator.Domain.Accounts;

namespace DrsOrchestrator.Application.Configuration;

/// <summary>Health of what the orchestrator depends on: its store, and whether its registered accounts were last reachable.</summary>
public sealed class ConfigHealthService(SettingsService settings, TargetAccountService accounts)
{
    public async Task<IReadOnlyList<HealthCheckResult>> CheckAsync(CancellationToken cancellationToken)
    {
        var results = new List<HealthCheckResult>();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await settings.GetSettingsAsync(cancellationToken).ConfigureAwait(false);
            results.Add(new HealthCheckResult("database", "OK", "The settings table answered.", Elapsed(started)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            results.Add(new HealthCheckResult("database", "FAILED", "The settings table did not answer: " + ex.GetType().Name, Elapsed(started)));
            return results;
        }

        started = Stopwatch.GetTimestamp();
        var all = await accounts.AllAsync(cancellationToken).ConfigureAwait(false);
        var invalid = all.Where(a => a.Validation.State == AccountValidationState.Invalid).Select(a => a.AccountId).ToList();
        var unvalidated = all.Count(a => a.Validation.State == AccountValidationState.Unvalidated);
        results.Add(new HealthCheckResult(
            "targetAccounts",
            invalid.Count > 0 ? "DEGRADED" : "OK",
            invalid.Count > 0
                ? $"{invalid.Count} of {all.Count} account(s) failed their last validation: {string.Join(", ", invalid.Take(10))}."
                : $"{all.Count} account(s) registered, {unvalidated} not validated yet.",
            Elapsed(started)));
        return results;
    }

    private static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2);
}
