using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DrsOrchestrator.Simulator.Identity;

/// <summary>
/// Recomputes a request's SigV4 signature. Services other than S3 sign the path URI-encoded twice;
/// clients differ in whether they encode once or twice, so both forms are accepted.
/// </summary>
internal static class SigV4Verifier
{
    public static bool IsValid(HttpContext context, byte[] body, SigV4Authorization auth, string secretAccessKey)
    {
        var request = context.Request;
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length == 0)
        {
            return false;
        }

        var declaredHash = request.Headers["X-Amz-Content-SHA256"].ToString();
        var payloadHash = declaredHash.Length > 0 ? declaredHash : Hex(SHA256.HashData(body));
        var canonicalHeaders = new StringBuilder();
        foreach (var name in auth.SignedHeaders)
        {
            var value = name == "host" ? request.Host.Value ?? "" : string.Join(',', request.Headers[name].Select(v => Collapse(v ?? "")));
            canonicalHeaders.Append(name).Append(':').Append(value).Append('\n');
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.PathBase + request.Path).ToString();
        var rawPath = rawTarget.Split('?', 2)[0];
        var query = CanonicalQuery(request.QueryString.Value);
        var signingKey = SigningKey(secretAccessKey, auth);
        foreach (var canonicalUri in new[] { EncodePath(rawPath), NormalizePath(rawPath), rawPath }.Distinct(StringComparer.Ordinal))
        {
            var canonicalRequest = string.Join('\n', request.Method, canonicalUri, query, canonicalHeaders.ToString(), string.Join(';', auth.SignedHeaders), payloadHash);
            var stringToSign = string.Join('\n', SigV4Authorization.Algorithm, amzDate, auth.Scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
            var expected = Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(auth.Signature)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a declared payload hash disagrees with the body actually received.</summary>
    public static bool PayloadHashMismatch(HttpRequest request, byte[] body)
    {
        var declared = request.Headers["X-Amz-Content-SHA256"].ToString();
        return declared.Length > 0
            && !declared.StartsWith("UNSIGNED-PAYLOAD", StringComparison.Ordinal)
            && !declared.StartsWith("STREAMING-", StringComparison.Ordinal)
            && !string.Equals(declared, Hex(SHA256.HashData(body)), StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] SigningKey(string secret, SigV4Authorization auth)
    {
        var date = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(auth.Date));
        var region = HMACSHA256.HashData(date, Encoding.UTF8.GetBytes(auth.Region));
        var service = HMACSHA256.HashData(region, Encoding.UTF8.GetBytes(auth.Service));
        return HMACSHA256.HashData(service, "aws4_request"u8.ToArray());
    }

    private static string CanonicalQuery(string? queryString)
    {
        if (string.IsNullOrEmpty(queryString) || queryString == "?")
        {
            return "";
        }

        return string.Join('&', queryString.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Key: Uri.EscapeDataString(Uri.UnescapeDataString(kv[0])), Value: kv.Length > 1 ? Uri.EscapeDataString(Uri.UnescapeDataString(kv[1])) : ""))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => kv.Key + "=" + kv.Value));
    }

    private static string EncodePath(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string NormalizePath(string path) =>
        string.Join('/', path.Split('/').Select(segment => Uri.EscapeDataString(Uri.UnescapeDataString(segment))));

    private static string Collapse(string value) =>
        string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
