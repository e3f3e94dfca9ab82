using System.Text.RegularExpressions;
using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Model;

namespace DrsOrchestrator.Simulator;

/// <summary>
/// Simulated IAM: long-term keys AKIASIM+account identify an account directly; AssumeRole hands out
/// session keys ASIASIM+account+suffix that the simulator recognises (and expires) later.
/// </summary>
public sealed partial class DrsSimulator
{
    private readonly Dictionary<string, AssumedRoleCredentials> _sessions = new(StringComparer.Ordinal);

    public AssumedRoleCredentials AssumeRole(CallerIdentity caller, string roleArn, string roleSessionName, string? externalId, int? durationSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(roleArn);
        ArgumentNullException.ThrowIfNull(roleSessionName);
        if (!SessionNamePattern().IsMatch(roleSessionName))
        {
            throw new DrsApiException(400, "ValidationError", "1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }

        var duration = durationSeconds is null ? Options.DefaultSessionDuration : TimeSpan.FromSeconds(durationSeconds.Value);
        if (duration < TimeSpan.FromSeconds(900) || duration > TimeSpan.FromHours(12))
        {
            throw new DrsApiException(400, "ValidationError", "DurationSeconds must be between 900 and 43200");
        }

        var match = RoleArnPattern().Match(roleArn);
        if (!match.Success)
        {
            throw new DrsApiException(400, "ValidationError", $"{roleArn} is invalid");
        }

        var accountId = match.Groups["account"].Value;
        var roleName = match.Groups["role"].Value;
        lock (_sync)
        {
            var denied = new DrsApiException(403, "AccessDenied", $"User: arn:aws:iam::{caller.AccountId}:user/simulated is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
            if (!_accounts.TryGetValue(accountId, out var account))
            {
                throw denied;
            }

            if ((account.RoleName is not null && account.RoleName != roleName)
                || (account.ExternalId is not null && account.ExternalId != externalId))
            {
                throw denied;
            }

            var accessKeyId = "ASIASIM" + accountId + NewHex(8).ToUpperInvariant();
            var credentials = new AssumedRoleCredentials(
                AccessKeyId: accessKeyId,
                SecretAccessKey: "simsecret" + NewHex(31),
                SessionToken: "SimSessionToken" + NewHex(48),
                Expiration: Clock.GetUtcNow() + duration,
                AssumedRoleId: "AROASIM" + NewHex(12).ToUpperInvariant() + ":" + roleSessionName,
                AssumedRoleArn: $"arn:aws:sts::{accountId}:assumed-role/{roleName}/{roleSessionName}",
                AccountId: accountId);
            _sessions[accessKeyId] = credentials;
            return credentials;
        }
    }

    /// <summary>Maps a request's access key (and session token) to the calling account, or throws a 403 error.</summary>
    internal CallerIdentity ResolveCaller(string accessKeyId, string? sessionToken, string region)
    {
        var longTerm = LongTermKeyPattern().Match(accessKeyId);
        if (longTerm.Success)
        {
            return new CallerIdentity(longTerm.Groups["account"].Value, region, accessKeyId);
        }

        lock (_sync)
        {
            if (!_sessions.TryGetValue(accessKeyId, out var session) || session.SessionToken != sessionToken)
            {
                throw DrsErrors.AccessDenied("UnrecognizedClientException", "The security token included in the request is invalid.");
            }

            if (session.Expiration <= Clock.GetUtcNow())
            {
                throw DrsErrors.AccessDenied("ExpiredTokenException", "The security token included in the request is expired");
            }

            return new CallerIdentity(session.AccountId, region, accessKeyId, IsSession: true);
        }
    }

    /// <summary>The secret behind an access key when the simulator knows it (issued sessions, scenario-pinned keys).</summary>
    internal string? SecretFor(string accessKeyId)
    {
        lock (_sync)
        {
            if (_sessions.TryGetValue(accessKeyId, out var session))
            {
                return session.SecretAccessKey;
            }

            var longTerm = LongTermKeyPattern().Match(accessKeyId);
            return longTerm.Success && _accounts.TryGetValue(longTerm.Groups["account"].Value, out var account)
                ? account.SecretAccessKey
                : null;
        }
    }

    [GeneratedRegex("^AKIASIM(?<account>[0-9]{12})$")]
    private static partial Regex LongTermKeyPattern();

    [GeneratedRegex("^arn:aws:iam::(?<account>[0-9]{12}):role/(?:[\\w+=,.@-]+/)*(?<role>[\\w+=,.@-]{1,64})$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex("^[\\w+=,.@-]{2,64}$")]
    private static partial Regex SessionNamePattern();
}
