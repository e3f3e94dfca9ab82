using System.Globalization;
using System.Text;
using System.Xml.Linq;
using DrsOrchestrator.Simulator.Model;
using Microsoft.AspNetCore.Http;

namespace DrsOrchestrator.Simulator.Http;

/// <summary>STS AssumeRole over the query protocol: form-encoded request, XML response.</summary>
internal static class StsOperations
{
    private static readonly XNamespace Ns = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static async Task HandleAsync(HttpContext context, DrsHttpHandler handler, byte[] body, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form)
    {
        var action = form.TryGetValue("Action", out var actionValue) ? actionValue.ToString() : "";
        CallerIdentity? caller = null;
        string? accessKeyId = null;
        try
        {
            caller = handler.Authenticate(context, body, "sts", out accessKeyId);
            if (action != "AssumeRole")
            {
                throw new DrsApiException(400, "InvalidAction", $"Could not find operation {action} for version 2011-06-15");
            }

            if (form.TryGetValue("Version", out var version) && version.ToString() != "2011-06-15")
            {
                throw new DrsApiException(400, "InvalidAction", $"Unsupported version {version}");
            }

            var roleArn = Required(form, "RoleArn");
            var sessionName = Required(form, "RoleSessionName");
            int? duration = null;
            if (form.TryGetValue("DurationSeconds", out var durationText))
            {
                duration = int.TryParse(durationText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    ? seconds
                    : throw new DrsApiException(400, "ValidationError", "DurationSeconds must be an integer");
            }

            var externalId = form.TryGetValue("ExternalId", out var external) ? external.ToString() : null;
            var credentials = handler.Simulator.AssumeRole(caller, roleArn, sessionName, externalId, duration);
            handler.Simulator.RecordCall("AssumeRole", caller, accessKeyId, 200, null);
            await WriteXmlAsync(context, 200, new XElement(Ns + "AssumeRoleResponse",
                new XElement(Ns + "AssumeRoleResult",
                    new XElement(Ns + "Credentials",
                        new XElement(Ns + "AccessKeyId", credentials.AccessKeyId),
                        new XElement(Ns + "SecretAccessKey", credentials.SecretAccessKey),
                        new XElement(Ns + "SessionToken", credentials.SessionToken),
                        new XElement(Ns + "Expiration", credentials.Expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))),
                    new XElement(Ns + "AssumedRoleUser",
                        new XElement(Ns + "AssumedRoleId", credentials.AssumedRoleId),
                        new XElement(Ns + "Arn", credentials.AssumedRoleArn))),
                new XElement(Ns + "ResponseMetadata", new XElement(Ns + "RequestId", Guid.NewGuid().ToString())))).ConfigureAwait(false);
        }
        catch (DrsApiException error)
        {
            handler.Simulator.RecordCall(action.Length == 0 ? "STS" : action, caller, accessKeyId, error.StatusCode, error.ErrorType);
            await WriteXmlAsync(context, error.StatusCode, new XElement(Ns + "ErrorResponse",
                new XElement(Ns + "Error",
                    new XElement(Ns + "Type", error.StatusCode >= 500 ? "Receiver" : "Sender"),
                    new XElement(Ns + "Code", StsCode(error.ErrorType)),
                    new XElement(Ns + "Message", error.Message)),
                new XElement(Ns + "RequestId", Guid.NewGuid().ToString()))).ConfigureAwait(false);
        }
    }

    // The same authentication failures carry the query protocol's own codes in STS.
    private static string StsCode(string errorType) => errorType switch
    {
        "MissingAuthenticationTokenException" => "MissingAuthenticationToken",
        "UnrecognizedClientException" => "InvalidClientTokenId",
        "InvalidSignatureException" => "SignatureDoesNotMatch",
        "ExpiredTokenException" => "ExpiredToken",
        "IncompleteSignatureException" => "IncompleteSignature",
        _ => errorType,
    };

    private static string Required(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form, string name) =>
        form.TryGetValue(name, out var value) && value.ToString().Length > 0
            ? value.ToString()
            : throw new DrsApiException(400, "ValidationError", $"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0]) + name[1..]}' failed to satisfy constraint: Member must not be null");

    private static async Task WriteXmlAsync(HttpContext context, int status, XElement root)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(new XDocument(root).ToString(SaveOptions.DisableFormatting), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }
}
