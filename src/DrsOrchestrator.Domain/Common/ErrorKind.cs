namespace DrsOrchestrator.Domain.Common;

/// <summary>How a domain error maps onto the API's status codes; the domain never names HTTP itself.</summary>
public enum ErrorKind
{
    /// <summary>Malformed input (400).</summary>
    BadRequest,

    /// <summary>Well-formed input that breaks a business rule (422).</summary>
    Validation,

    /// <summary>The resource does not exist (404).</summary>
    NotFound,

    /// <summary>The resource's current state forbids the change, or a concurrent writer won (409).</summary>
    Conflict,

    /// <summary>The caller lacks a permission (403).</summary>
    Forbidden,

    /// <summary>A DRS or AWS limit stops the action (429 for throttling, 409 for quotas).</summary>
    Throttled,

    /// <summary>An upstream dependency failed (502/500).</summary>
    Upstream,
}
