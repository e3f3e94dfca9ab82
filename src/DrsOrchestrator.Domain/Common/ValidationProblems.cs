namespace DrsOrchestrator.Domain.Common;

/// <summary>
/// Collects every problem in an input before failing, so a caller fixes a form in one round trip
/// instead of discovering rules one at a time.
/// </summary>
public sealed class ValidationProblems
{
    /// <summary>The key under <see cref="DomainException.Details"/> that holds the list of <see cref="ValidationProblem"/>.</summary>
    public const string DetailsKey = "errors";

    private readonly List<ValidationProblem> problems = [];

    public IReadOnlyList<ValidationProblem> Items => problems;

    public bool IsEmpty => problems.Count == 0;

    public void Add(string field, string code, string message) => problems.Add(new ValidationProblem(field, code, message));

    public void AddRange(IEnumerable<ValidationProblem> items) => problems.AddRange(items);

    /// <summary>
    /// Throws a validation error whose code is the first problem's code (the most fundamental one, since
    /// validators check structure before cross-references) and whose details list all of them.
    /// </summary>
    public void ThrowIfAny(string subject)
    {
        if (problems.Count == 0)
        {
            return;
        }

        throw ToException(subject, problems);
    }

    public static DomainException ToException(string subject, IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        var message = problems.Count == 1
            ? $"{subject} is invalid: {problems[0].Field}: {problems[0].Message}"
            : $"{subject} is invalid: {problems.Count} problems, first {problems[0].Field}: {problems[0].Message}";
        return DomainException.Validation(
            problems[0].Code,
            message,
            new Dictionary<string, object?>(StringComparer.Ordinal) { [DetailsKey] = problems.ToArray() });
    }
}
