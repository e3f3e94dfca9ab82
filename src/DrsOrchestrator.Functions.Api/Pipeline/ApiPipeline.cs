using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DrsOrchestrator.Application.Common;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Functions.Api.Pipeline;

/// <summary>
/// The one path every call takes: match, authenticate, authorize, bind, handle, envelope, log.
/// Both the Lambda entry point and the ASP.NET Core adapter call <see cref="HandleAsync"/>.
/// </summary>
public sealed class ApiPipeline
{
    private const string AllowedHeaders = "Content-Type,Authorization,X-Request-Id";
    private const string AllowedMethods = "GET,POST,PUT,DELETE,OPTIONS";
    private readonly RouteBindings routes;
    private readonly IServiceProvider services;
    private readonly ApiPipelineOptions options;
    private readonly object logLock = new();

    public ApiPipeline(IServiceProvider services, ApiPipelineOptions options)
        : this(RouteBindings.Default, services, options)
    {
    }

    internal ApiPipeline(RouteBindings routes, IServiceProvider services, ApiPipelineOptions options)
    {
        this.routes = routes;
        this.services = services;
        this.options = options;
    }

    internal RouteBindings Routes => routes;

    public async Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var method = request.Method.ToUpperInvariant();
        var path = request.Path.Length == 0 ? "/" : request.Path;
        RouteMatch? match = null;
        CallerIdentity? caller = null;
        ApiResponse response;
        string? errorCode = null;
        try
        {
            if (method == "OPTIONS")
            {
                response = routes.PathExists(path) ? Respond(request, 204, null) : throw NotFound();
            }
            else
            {
                match = routes.Match(method, path)
                    ?? throw (routes.PathExists(path)
                        ? new DomainException(ErrorKind.BadRequest, ErrorCodes.MethodNotAllowed, $"{method} is not allowed on {path}.")
                        : NotFound());
                var route = match.Binding.Route;
                caller = CognitoClaims.ToIdentity(request.Claims);
                if (route.Access != RouteAccess.Public)
                {
                    if (caller is null)
                    {
                        throw new ApiAuthException(401, ErrorCodes.Unauthorized, "Sign in to call this API.");
                    }

                    if (!route.Allows(caller.Permissions))
                    {
                        throw new ApiAuthException(403, ErrorCodes.Forbidden, $"This action needs {Describe(route)}.");
                    }
                }

                RejectUndeclaredQuery(request, route);
                var context = new RouteContext(request, route, match.PathParameters, caller, services, routes, cancellationToken);
                var result = await match.Binding.Handler(context).ConfigureAwait(false);
                response = Respond(request, result.Status, result);
            }
        }
        catch (ApiAuthException ex)
        {
            errorCode = ex.Code;
            response = Error(request, ex.Status, ex.Code, ex.Message, null);
        }
        catch (DomainException ex)
        {
            errorCode = ex.Code;
            response = Error(request, StatusFor(ex), ex.Code, ex.Message, ex.Details);
        }
        catch (AwsServiceException ex)
        {
            // An AWS refusal the handler did not expect still gets a stable code (throttled, quota, access) rather than 500 INTERNAL_ERROR.
            var domain = AwsErrors.ToDomain(ex);
            errorCode = domain.Code;
            response = Error(request, StatusFor(domain), domain.Code, domain.Message, domain.Details);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The API must answer with the envelope whatever went wrong; details go to the log, not the caller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            errorCode = ErrorCodes.InternalError;
            response = Error(request, 500, ErrorCodes.InternalError, "An internal error occurred.", null);
            LogException(request, ex);
        }

        Log(request, method, match?.Binding.Route.PathTemplate, caller, response.StatusCode, errorCode, Stopwatch.GetElapsedTime(started));
        return response;
    }

    internal static int StatusFor(DomainException ex) => ex.Kind switch
    {
        ErrorKind.BadRequest when ex.Code == ErrorCodes.MethodNotAllowed => 405,
        ErrorKind.BadRequest => 400,
        ErrorKind.Validation => 422,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.Forbidden => 403,
        ErrorKind.Throttled when ex.Code is ErrorCodes.QuotaExceeded or ErrorCodes.QuotaUnknown => 409,
        ErrorKind.Throttled => 429,
        _ => 500,
    };

    /// <summary>A query parameter the route does not declare is a typo or a misunderstanding, like an unknown body field: 400, not ignored.</summary>
    private static void RejectUndeclaredQuery(ApiRequest request, RouteDefinition route)
    {
        foreach (var name in request.Query.Keys)
        {
            if (!route.QueryParameters.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal)))
            {
                throw DomainException.BadRequest(ErrorCodes.UnknownField, $"Query parameter '{name}' is not accepted by {route.Key}.", new Dictionary<string, object?> { ["field"] = name });
            }
        }
    }

    private static DomainException NotFound() =>
        DomainException.NotFound(ErrorCodes.RouteNotFound, "No such route.");

    private static string Describe(RouteDefinition route) =>
        string.Join(" or ", new[] { route.Permission!.Value }.Concat(route.AlternativePermissions).Select(Domain.Security.RolePermissions.WireName));

    private ApiResponse Respond(ApiRequest request, int status, HandlerResult? result)
    {
        if (result?.RawJson is { } raw)
        {
            return new ApiResponse(status, Headers(request), raw);
        }

        if (status == 204 || result?.WriteData is null)
        {
            return new ApiResponse(status, Headers(request), string.Empty);
        }

        var buffer = new ArrayBufferWriterStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WritePropertyName("data");
            result.WriteData(writer);
            writer.WriteString("requestId", request.RequestId);
            writer.WriteEndObject();
        }

        return new ApiResponse(status, Headers(request), buffer.ToUtf8String());
    }

    private ApiResponse Error(ApiRequest request, int status, string code, string message, IReadOnlyDictionary<string, object?>? details)
    {
        var buffer = new ArrayBufferWriterStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", false);
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WritePropertyName("details");
            DetailsWriter.Write(writer, details);
            writer.WriteEndObject();
            writer.WriteString("requestId", request.RequestId);
            writer.WriteEndObject();
        }

        return new ApiResponse(status, Headers(request), buffer.ToUtf8String());
    }

    private Dictionary<string, string> Headers(ApiRequest request) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Type"] = "application/json; charset=utf-8",
        ["X-Request-Id"] = request.RequestId,
        ["Access-Control-Allow-Origin"] = options.AllowedOrigin,
        ["Access-Control-Allow-Headers"] = AllowedHeaders,
        ["Access-Control-Allow-Methods"] = AllowedMethods,
        ["Access-Control-Expose-Headers"] = "X-Request-Id",
        ["Cache-Control"] = "no-store",
        ["X-Content-Type-Options"] = "nosniff",
    };

    // Never the body, headers, token or e-mail: only what an operator needs to trace a call.
    private void Log(ApiRequest request, string method, string? route, CallerIdentity? caller, int status, string? errorCode, TimeSpan elapsed)
    {
        if (ReferenceEquals(options.Log, TextWriter.Null))
        {
            return;
        }

        var buffer = new ArrayBufferWriterStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", DateTimeOffset.UtcNow);
            writer.WriteString("level", status >= 500 ? "ERROR" : "INFO");
            writer.WriteString("message", "request");
            writer.WriteString("requestId", request.RequestId);
            writer.WriteString("method", method);
            writer.WriteString("route", route);
            writer.WriteNumber("status", status);
            writer.WriteNumber("durationMs", Math.Round(elapsed.TotalMilliseconds, 2));
            if (caller is not null)
            {
                writer.WriteString("sub", caller.Sub);
            }

            if (errorCode is not null)
            {
                writer.WriteString("errorCode", errorCode);
            }

            writer.WriteEndObject();
        }

        WriteLine(buffer.ToUtf8String());
    }

    private void LogException(ApiRequest request, Exception ex)
    {
        if (ReferenceEquals(options.Log, TextWriter.Null))
        {
            return;
        }

        var buffer = new ArrayBufferWriterStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", DateTimeOffset.UtcNow);
            writer.WriteString("level", "ERROR");
            writer.WriteString("message", "unhandled exception");
            writer.WriteString("requestId", request.RequestId);
            writer.WriteString("exception", ex.GetType().FullName);
            writer.WriteString("stackTrace", ex.ToString());
            writer.WriteEndObject();
        }

        WriteLine(buffer.ToUtf8String());
    }

    private void WriteLine(string line)
    {
        lock (logLock)
        {
            options.Log.WriteLine(line);
            options.Log.Flush();
        }
    }
}
