using System.Globalization;
using System.Text.Json;

namespace DrsOrchestrator.Aws.Wire;

/// <summary>
/// rest-json and aws-json errors: the code comes from the x-amzn-errortype header, else the body's
/// __type (or code); either may carry a namespace prefix or a ":uri" suffix that is not part of the name.
/// </summary>
internal sealed class JsonErrorParser : IAwsErrorParser
{
    public static JsonErrorParser Instance { get; } = new();

    public AwsErrorInfo Parse(WireResponse response)
    {
        var status = (int)response.StatusCode;
        JsonElement body = default;
        var hasBody = false;
        if (response.Body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                body = document.RootElement.Clone();
                hasBody = body.ValueKind == JsonValueKind.Object;
            }
            catch (JsonException)
            {
                // A proxy or load balancer answered with something that is not the service's JSON.
            }
        }

        var code = response.Headers.TryGetValue("x-amzn-errortype", out var header) ? header : null;
        code ??= hasBody ? String(body, "__type") ?? String(body, "code") ?? String(body, "Code") : null;
        code = Normalize(code) ?? FallbackCode(status);

        var message = (hasBody ? String(body, "message") ?? String(body, "Message") : null) ?? $"HTTP {status}";
        var retryAfter = RetryAfterFromBody(hasBody ? body : default) ?? RetryAfterFromHeader(response.Headers);
        response.Headers.TryGetValue("x-amzn-requestid", out var requestId);

        return new AwsErrorInfo(
            status,
            code,
            message,
            retryAfter,
            hasBody ? String(body, "quotaCode") : null,
            hasBody ? String(body, "resourceType") : null,
            hasBody ? String(body, "reason") : null,
            requestId);
    }

    internal static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        return hash >= 0 ? code[(hash + 1)..] : code;
    }

    internal static string FallbackCode(int status) => status switch
    {
        429 => "ThrottlingException",
        >= 500 => "InternalServerException",
        _ => $"Http{status}",
    };

    internal static TimeSpan? RetryAfterFromHeader(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue("Retry-After", out var value)
        && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static TimeSpan? RetryAfterFromBody(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("retryAfterSeconds", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var n) && n >= 0 => TimeSpan.FromSeconds(n),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 => TimeSpan.FromSeconds(s),
            _ => null,
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
