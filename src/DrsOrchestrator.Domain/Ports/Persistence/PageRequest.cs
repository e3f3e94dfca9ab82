using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <param name="Limit">Page size, 1 to <see cref="MaxLimit"/>.</param>
/// <param name="NextToken">A token from a previous <see cref="Page{T}"/>; a token that was not issued by us is rejected.</param>
public sealed record PageRequest(int Limit = PageRequest.DefaultLimit, string? NextToken = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static PageRequest First(int limit = DefaultLimit) => new(limit);

    /// <exception cref="DomainException">BadRequest INVALID_FIELD when the limit is out of range.</exception>
    public void Validate()
    {
        if (Limit is < 1 or > MaxLimit)
        {
            throw DomainException.BadRequest(
                ErrorCodes.InvalidField,
                $"limit must be between 1 and {MaxLimit}.",
                new Dictionary<string, object?> { ["field"] = "limit", ["value"] = Limit });
        }
    }
}
