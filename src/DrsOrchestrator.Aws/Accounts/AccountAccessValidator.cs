using DrsOrchestrator.Aws.Drs;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Accounts;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Aws.Accounts;

/// <summary>Assumes the role as registered (no cache) and reads one DRS source server with the session.</summary>
public sealed class AccountAccessValidator(AccountCredentials credentials, AwsClientOptions options) : IAccountAccessValidator
{
    public async Task<AccountAccessCheck> ValidateAsync(AccountAccess access, string region, CancellationToken cancellationToken)
    {
        IAwsCredentialSource source;
        if (access.AccountId == credentials.HubAccountId && access.RoleArn is null)
        {
            source = credentials.For(access.AccountId);
        }
        else
        {
            try
            {
                source = new StaticCredentialSource(await credentials.AssumeFreshAsync(access, cancellationToken).ConfigureAwait(false));
            }
            catch (AwsServiceException e)
            {
                return new AccountAccessCheck(false, false, e.ErrorCode, e.Message);
            }
            catch (DomainException e)
            {
                return new AccountAccessCheck(false, false, e.Code, e.Message);
            }
        }

        try
        {
            var drs = new DrsClient(access.AccountId, new AwsWireClient(AwsService.Drs, region, source, options, JsonErrorParser.Instance));
            await drs.DescribeSourceServersAsync(new DrsSourceServerQuery(MaxResults: 1), cancellationToken).ConfigureAwait(false);
            return new AccountAccessCheck(true, true, null, null);
        }
        catch (AwsServiceException e)
        {
            return new AccountAccessCheck(true, false, e.ErrorCode, e.Message);
        }
    }
}
