using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.Planning;

/// <summary>
/// The outcome of a quota check: Sufficient, Insufficient (with the figures that fell short) or Unknown
/// (with why a figure could not be read). A flat record so the API can return it as it is.
/// </summary>
public sealed record QuotaCheckResult
{
    private QuotaCheckResult(QuotaVerdict verdict, string? reason, AccountRegion? location, IReadOnlyList<QuotaFigures> figures)
    {
        Verdict = verdict;
        Reason = reason;
        Location = location;
        Figures = figures;
    }

    public QuotaVerdict Verdict { get; }

    public string? Reason { get; }

    public AccountRegion? Location { get; }

    public IReadOnlyList<QuotaFigures> Figures { get; }

    public bool IsSufficient => Verdict == QuotaVerdict.Sufficient;

    public static QuotaCheckResult Sufficient(AccountRegion? location = null, IReadOnlyList<QuotaFigures>? figures = null) =>
        new(QuotaVerdict.Sufficient, null, location, figures ?? []);

    public static QuotaCheckResult Insufficient(string reason, AccountRegion? location, IReadOnlyList<QuotaFigures> figures)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(QuotaVerdict.Insufficient, reason, location, figures ?? []);
    }

    public static QuotaCheckResult Unknown(string reason, AccountRegion? location = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(QuotaVerdict.Unknown, reason, location, []);
    }

    /// <summary>
    /// The verdict over several checks: any Insufficient wins (it is certain), then any Unknown (a gap
    /// must not be averaged away), else Sufficient. No checks at all is Sufficient: nothing was asked.
    /// </summary>
    public static QuotaCheckResult Combine(IEnumerable<QuotaCheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        var insufficient = list.Where(r => r.Verdict == QuotaVerdict.Insufficient).ToList();
        if (insufficient.Count > 0)
        {
            return new(
                QuotaVerdict.Insufficient,
                string.Join(" ", insufficient.Select(r => r.Reason)),
                insufficient.Count == 1 ? insufficient[0].Location : null,
                [.. insufficient.SelectMany(r => r.Figures)]);
        }

        var unknown = list.Where(r => r.Verdict == QuotaVerdict.Unknown).ToList();
        if (unknown.Count > 0)
        {
            return new(QuotaVerdict.Unknown, string.Join(" ", unknown.Select(r => r.Reason)), unknown.Count == 1 ? unknown[0].Location : null, []);
        }

        return new(QuotaVerdict.Sufficient, null, null, [.. list.SelectMany(r => r.Figures)]);
    }
}
