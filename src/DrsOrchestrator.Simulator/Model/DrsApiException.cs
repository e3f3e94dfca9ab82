namespace DrsOrchestrator.Simulator.Model;

/// <summary>
/// A DRS error as the wire shows it: HTTP status, x-amzn-ErrorType and a JSON body of
/// message, code and the exception's own members (reason, fieldList, retryAfterSeconds, ...).
/// </summary>
public sealed class DrsApiException : Exception
{
    public DrsApiException(int statusCode, string errorType, string message, IReadOnlyDictionary<string, object>? members = null)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
        Members = members ?? new Dictionary<string, object>();
    }

    public DrsApiException()
        : this(500, "InternalServerException", "Internal error")
    {
    }

    public DrsApiException(string message)
        : this(500, "InternalServerException", message)
    {
    }

    public DrsApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
        ErrorType = "InternalServerException";
        Members = new Dictionary<string, object>();
    }

    public int StatusCode { get; }

    public string ErrorType { get; }

    public IReadOnlyDictionary<string, object> Members { get; }

    public int? RetryAfterSeconds => Members.TryGetValue("retryAfterSeconds", out var value) && value is int seconds ? seconds : null;
}
