using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Identity;
using DrsOrchestrator.Simulator.Model;
using Microsoft.AspNetCore.Http;

namespace DrsOrchestrator.Simulator.Http;

/// <summary>
/// The pipeline every simulated AWS call goes through: read the body, authenticate the SigV4 header
/// (account from the access key, region from the credential scope), draw faults, run, record.
/// </summary>
internal sealed class DrsHttpHandler(DrsSimulator simulator)
{
    public delegate (int Status, JsonNode? Body) Operation(CallerIdentity caller, JsonElement input, HttpContext context);

    public DrsSimulator Simulator => simulator;

    public async Task HandleAsync(HttpContext context, string operation, Operation run)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        CallerIdentity? caller = null;
        string? accessKeyId = null;
        try
        {
            caller = Authenticate(context, body, "drs", out accessKeyId);
            if (simulator.DrawFault(operation) is { } fault)
            {
                throw fault;
            }

            var input = ParseJson(body);
            var (status, json) = run(caller, input, context);
            simulator.RecordCall(operation, caller, accessKeyId, status, null);
            await WriteJsonAsync(context, status, json ?? new JsonObject()).ConfigureAwait(false);
        }
        catch (DrsApiException error)
        {
            simulator.RecordCall(operation, caller, accessKeyId, error.StatusCode, error.ErrorType);
            await WriteErrorAsync(context, error).ConfigureAwait(false);
        }
        finally
        {
            simulator.KickDelivery();
        }
    }

    /// <summary>Resolves the caller or throws the 403 AWS answers for a missing, garbled or wrong signature.</summary>
    public CallerIdentity Authenticate(HttpContext context, byte[] body, string service, out string? accessKeyId)
    {
        accessKeyId = null;
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            throw DrsErrors.AccessDenied("MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        var auth = SigV4Authorization.TryParse(header)
            ?? throw DrsErrors.AccessDenied("IncompleteSignatureException", "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters in the AWS4-HMAC-SHA256 format.");
        accessKeyId = auth.AccessKeyId;
        if (auth.Service != service)
        {
            throw DrsErrors.AccessDenied("InvalidSignatureException", $"Credential should be scoped to correct service: '{service}'.");
        }

        var caller = simulator.ResolveCaller(auth.AccessKeyId, NullIfEmpty(context.Request.Headers["X-Amz-Security-Token"].ToString()), auth.Region);
        if (SigV4Verifier.PayloadHashMismatch(context.Request, body))
        {
            throw new DrsApiException(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        if (simulator.Options.VerifySignatures && simulator.SecretFor(auth.AccessKeyId) is { } secret && !SigV4Verifier.IsValid(context, body, auth, secret))
        {
            throw DrsErrors.AccessDenied("InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
        }

        return caller;
    }

    public static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    public static Task WriteErrorAsync(HttpContext context, DrsApiException error)
    {
        context.Response.Headers["x-amzn-ErrorType"] = error.ErrorType;
        if (error.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WriteJsonAsync(context, error.StatusCode, DrsWire.Error(error));
    }

    public static async Task WriteJsonAsync(HttpContext context, int status, JsonNode json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(json.ToJsonString(), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }

    private static JsonElement ParseJson(byte[] body)
    {
        if (body.Length == 0)
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw DrsErrors.Validation("Request body must be a JSON object", "cannotParse");
            }

            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw DrsErrors.Validation("Unable to parse request body: " + ex.Message, "cannotParse");
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
