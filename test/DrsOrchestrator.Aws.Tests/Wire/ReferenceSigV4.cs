using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DrsOrchestrator.Aws.Tests.Wire;

/// <summary>
/// An independent SigV4 computation written from the published specification, used to cross-check
/// the SDK-based signer. It is itself pinned to the AWS test suite's published signature.
/// </summary>
internal static class ReferenceSigV4
{
    public static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery, IReadOnlyList<(string Name, string Value)> headers, string payloadHash)
    {
        var sorted = headers.Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim())).OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        var builder = new StringBuilder();
        builder.Append(method).Append('\n').Append(canonicalUri).Append('\n').Append(canonicalQuery).Append('\n');
        foreach (var (name, value) in sorted)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n').Append(SignedHeaders(headers)).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    public static string SignedHeaders(IReadOnlyList<(string Name, string Value)> headers) =>
        string.Join(';', headers.Select(h => h.Name.ToLowerInvariant()).OrderBy(n => n, StringComparer.Ordinal));

    public static string Signature(string canonicalRequest, string secretKey, DateTime signedAt, string region, string service)
    {
        var date = signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var stamp = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{stamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
