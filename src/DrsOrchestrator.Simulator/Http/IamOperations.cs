using System.Globalization;
using System.Text;
using System.Xml.Linq;
using DrsOrchestrator.Simulator.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DrsOrchestrator.Simulator.Http;

/// <summary>
/// IAM's query protocol (global; the account comes from the SigV4 identity): ListInstanceProfiles with
/// PathPrefix and MaxItems + Marker paging, answered in IAM's XML and its &lt;ErrorResponse&gt; shape.
/// </summary>
internal static class IamOperations
{
    public const string ApiVersion = "2010-05-08";

    private static readonly XNamespace Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

    public static async Task HandleAsync(HttpContext context, DrsHttpHandler handler, byte[] body, Dictionary<string, StringValues> form)
    {
        var action = form.TryGetValue("Action", out var actionValue) ? actionValue.ToString() : "";
        CallerIdentity? caller = null;
        string? accessKeyId = null;
        try
        {
            caller = handler.Authenticate(context, body, "iam", out accessKeyId);
            if (action != "ListInstanceProfiles")
            {
                throw new DrsApiException(400, "InvalidAction", $"Could not find operation {action} for version {ApiVersion}");
            }

            if (form.TryGetValue("Version", out var version) && version.ToString() != ApiVersion)
            {
                throw new DrsApiException(400, "InvalidAction", $"Unsupported version {version}");
            }

            if (handler.Simulator.DrawFault(action) is { } fault)
            {
                throw fault;
            }

            var result = ListInstanceProfiles(handler.Simulator, caller, form);
            handler.Simulator.RecordCall(action, caller, accessKeyId, 200, null);
            await WriteXmlAsync(context, 200, new XElement(Ns + "ListInstanceProfilesResponse",
                result,
                new XElement(Ns + "ResponseMetadata", new XElement(Ns + "RequestId", Guid.NewGuid().ToString())))).ConfigureAwait(false);
        }
        catch (DrsApiException error)
        {
            var status = error.ErrorType == "ThrottlingException" ? 400 : error.StatusCode;
            var code = IamCode(error.ErrorType);
            handler.Simulator.RecordCall(action.Length == 0 ? "IAM" : action, caller, accessKeyId, status, code);
            await WriteXmlAsync(context, status, new XElement(Ns + "ErrorResponse",
                new XElement(Ns + "Error",
                    new XElement(Ns + "Type", status >= 500 ? "Receiver" : "Sender"),
                    new XElement(Ns + "Code", code),
                    new XElement(Ns + "Message", error.Message)),
                new XElement(Ns + "RequestId", Guid.NewGuid().ToString()))).ConfigureAwait(false);
        }
        finally
        {
            handler.Simulator.KickDelivery();
        }
    }

    private static XElement ListInstanceProfiles(DrsSimulator simulator, CallerIdentity caller, Dictionary<string, StringValues> form)
    {
        var prefix = form.TryGetValue("PathPrefix", out var pathPrefix) && pathPrefix.ToString().Length > 0 ? pathPrefix.ToString() : "/";
        var profiles = simulator.InstanceProfilesOf(caller.AccountId).Where(p => p.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var start = 0;
        if (form.TryGetValue("Marker", out var marker) && marker.ToString().Length > 0)
        {
            var text = marker.ToString();
            if (!text.StartsWith("sim-", StringComparison.Ordinal)
                || !int.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out start)
                || start > profiles.Count)
            {
                throw new DrsApiException(400, "ValidationError", $"Invalid value '{text}' for Marker.");
            }
        }

        var count = profiles.Count - start;
        if (form.TryGetValue("MaxItems", out var maxText))
        {
            if (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max is < 1 or > 1000)
            {
                throw new DrsApiException(400, "ValidationError", "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
            }

            count = Math.Min(count, max);
        }

        var end = start + count;
        return new XElement(Ns + "ListInstanceProfilesResult",
            new XElement(Ns + "IsTruncated", end < profiles.Count ? "true" : "false"),
            new XElement(Ns + "InstanceProfiles", profiles.Skip(start).Take(count).Select(p => new XElement(Ns + "member",
                new XElement(Ns + "InstanceProfileId", p.InstanceProfileId),
                new XElement(Ns + "Roles", new XElement(Ns + "member",
                    new XElement(Ns + "Path", p.Path),
                    new XElement(Ns + "Arn", p.RoleArn),
                    new XElement(Ns + "RoleName", p.RoleName),
                    new XElement(Ns + "CreateDate", Timestamp(p.CreatedAt)),
                    new XElement(Ns + "RoleId", p.RoleId))),
                new XElement(Ns + "InstanceProfileName", p.InstanceProfileName),
                new XElement(Ns + "Path", p.Path),
                new XElement(Ns + "Arn", p.Arn),
                new XElement(Ns + "CreateDate", Timestamp(p.CreatedAt))))),
            end < profiles.Count ? new XElement(Ns + "Marker", "sim-" + end.ToString(CultureInfo.InvariantCulture)) : null);
    }

    // IAM reports throttling as Throttling and refused credentials with the query protocol's own codes.
    private static string IamCode(string errorType) => errorType switch
    {
        "ThrottlingException" => "Throttling",
        "InternalServerException" => "ServiceFailure",
        "MissingAuthenticationTokenException" => "MissingAuthenticationToken",
        "UnrecognizedClientException" => "InvalidClientTokenId",
        "InvalidSignatureException" => "SignatureDoesNotMatch",
        "ExpiredTokenException" => "ExpiredToken",
        "IncompleteSignatureException" => "IncompleteSignature",
        _ => errorType,
    };

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task WriteXmlAsync(HttpContext context, int status, XElement root)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(new XDocument(root).ToString(SaveOptions.DisableFormatting), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }
}
