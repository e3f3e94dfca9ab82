namespace DrsOrchestrator.Domain.Common;

/// <summary>
/// A rule the domain refuses to break. <see cref="Code"/> is one of <see cref="ErrorCodes"/> and is part
/// of the public contract: clients branch on it, so it never changes once shipped.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(ErrorKind kind, string code, string message, IReadOnlyDictionary<string, object?>? details = null)
        : base(message)
    {
        Kind = kind;
        Code = code;
        Details = details;
    }

    public ErrorKind Kind { get; }

    public string Code { get; }

    public IReadOnlyDictionary<string, object?>? Details { get; }

    public static DomainException Validation(string code, string message, IReadOnlyDictionary<string, object?>? details = null) =>
        new(ErrorKind.Validation, code, message, details);

    public static DomainException BadRequest(string code, string message, IReadOnlyDictionary<string, object?>? details = null) =>
        new(ErrorKind.BadRequest, code, message, details);

    public static DomainException NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    public static DomainException Conflict(string code, string message, IReadOnlyDictionary<string, object?>? details = null) =>
        new(ErrorKind.Conflict, code, message, details);
}
