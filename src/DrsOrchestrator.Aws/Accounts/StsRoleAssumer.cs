using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using DrsOrchestrator.Domain.Ports.Accounts;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Aws.Accounts;

/// <summary>AssumeRole through AWSSDK.SecurityToken, signed with the hub's own credentials.</summary>
internal sealed class StsRoleAssumer(IAmazonSecurityTokenService sts, string roleSessionName, TimeSpan sessionDuration) : IRoleAssumer
{
    public async Task<AssumedCredentials> AssumeAsync(AccountAccess access, CancellationToken cancellationToken)
    {
        var request = new AssumeRoleRequest
        {
            RoleArn = access.RoleArn,
            RoleSessionName = roleSessionName,
            ExternalId = access.ExternalId,
            DurationSeconds = (int)sessionDuration.TotalSeconds,
        };
        try
        {
            var response = await sts.AssumeRoleAsync(request, cancellationToken).ConfigureAwait(false);
            var c = response.Credentials;
            var expiration = c.Expiration is { } e ? new DateTimeOffset(DateTime.SpecifyKind(e, e.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : e.Kind)) : DateTimeOffset.MinValue;
            return new AssumedCredentials(new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken), expiration.ToUniversalTime());
        }
        catch (AmazonServiceException e)
        {
            var status = (int)e.StatusCode;
            var code = e.ErrorCode ?? "AssumeRoleFailed";
            var message = $"AssumeRole into {access.RoleArn} failed: {code}: {e.Message}";
            throw status == 403 || code is "AccessDenied" or "InvalidClientTokenId" or "ExpiredToken" or "SignatureDoesNotMatch"
                ? new AwsAccessDeniedException("sts", code, status, message, e.RequestId)
                : status >= 500 ? new AwsInternalServerException("sts", code, status, message, e.RequestId)
                : new AwsServiceException("sts", code, status, message, e.RequestId, e);
        }
    }
}
