using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrsOrchestrator.Domain.Security;

namespace DrsOrchestrator.Local.Auth;

/// <summary>
/// Issues and verifies the local twin's id tokens: HS256 JWTs whose claims are shaped like a Cognito id
/// token (sub, email, cognito:groups, token_use, exp), so the API's RBAC path is the one AWS runs.
/// The key is random per process: a restart signs everyone out, and no token outlives the host.
/// </summary>
internal sealed class LocalTokenService
{
    public const string Issuer = "drs-orchestrator-local";

    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public LocalTokenService(TimeProvider time, TimeSpan? lifetime = null, byte[]? key = null)
    {
        _time = time;
        _lifetime = lifetime ?? TimeSpan.FromHours(1);
        _key = key ?? RandomNumberGenerator.GetBytes(32);
    }

    /// <exception cref="ArgumentException">The e-mail is not plausible or a group is not one of the six role groups.</exception>
    public LocalIdToken Issue(string email, IReadOnlyList<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || !email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("email must be an e-mail address.", nameof(email));
        }

        var unknown = groups.Where(g => !RoleGroups.All.Contains(g, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown group(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", RoleGroups.All)}.", nameof(groups));
        }

        var now = _time.GetUtcNow();
        var expires = now + _lifetime;
        var normalized = email.Trim().ToLowerInvariant();
        var payload = new JsonObject
        {
            ["sub"] = SubjectFor(normalized),
            ["email"] = normalized,
            ["email_verified"] = true,
            ["cognito:groups"] = new JsonArray([.. groups.Distinct(StringComparer.Ordinal).Select(g => (JsonNode?)JsonValue.Create(g))]),
            ["cognito:username"] = normalized,
            ["token_use"] = "id",
            ["iss"] = Issuer,
            ["aud"] = Issuer,
            ["auth_time"] = now.ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
        };
        var signingInput = Base64Url.EncodeToString(Header) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput)));
        return new LocalIdToken(signingInput + "." + signature, expires);
    }

    /// <summary>The token's claims as API Gateway's Cognito authorizer hands them on, or null if it is forged, malformed or expired.</summary>
    public IReadOnlyDictionary<string, string>? Validate(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 8192)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
            {
                return null;
            }

            var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (header?["alg"]?.GetValue<string>() != "HS256")
            {
                return null;
            }

            var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))?.AsObject();
            if (payload is null
                || payload["token_use"]?.GetValue<string>() != "id"
                || payload["iss"]?.GetValue<string>() != Issuer
                || payload["exp"]?.GetValue<long>() is not { } exp
                || DateTimeOffset.FromUnixTimeSeconds(exp) <= _time.GetUtcNow()
                || payload["sub"]?.GetValue<string>() is not { Length: > 0 } sub
                || payload["email"]?.GetValue<string>() is not { Length: > 0 } email)
            {
                return null;
            }

            var groups = payload["cognito:groups"]?.AsArray().Select(g => g?.GetValue<string>()).OfType<string>() ?? [];
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["sub"] = sub,
                ["email"] = email,
                ["cognito:groups"] = string.Join(',', groups),
                ["token_use"] = "id",
            };
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A stable UUID per e-mail, so a user keeps their identity across sign-ins and restarts.</summary>
    private static string SubjectFor(string email)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("drs-local-user:" + email));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
