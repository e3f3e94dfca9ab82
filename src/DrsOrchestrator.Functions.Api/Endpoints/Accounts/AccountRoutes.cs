using DrsOrchestrator.Application.Accounts;
using DrsOrchestrator.Domain.Accounts;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Functions.Api.Json;
using DrsOrchestrator.Functions.Api.Pipeline;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Functions.Api.Endpoints.Accounts;

internal sealed class AccountRoutes : IRouteModule
{
    private static ApiJsonContext Json => ApiJsonContext.Default;

    public void Map(RouteRegistry routes)
    {
        routes.Bind("GET", "/accounts", List, responseData: Json.AccountPage);
        routes.Bind("POST", "/accounts", Create, Json.CreateAccountRequest, Json.TargetAccount);
        routes.Bind("GET", "/accounts/{accountId}", Get, responseData: Json.TargetAccount);
        routes.Bind("PUT", "/accounts/{accountId}", Update, Json.UpdateAccountRequest, Json.TargetAccount);
        routes.Bind("DELETE", "/accounts/{accountId}", Delete);
        routes.Bind("POST", "/accounts/{accountId}/validate", Validate, responseData: Json.AccountValidationResult);
    }

    private static async Task<HandlerResult> List(RouteContext context)
    {
        var page = await context.Service<TargetAccountService>().ListAsync(new PageRequest(context.Limit(), context.NextToken()), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(new AccountPage(page.Items, page.NextToken), Json.AccountPage);
    }

    private static async Task<HandlerResult> Get(RouteContext context)
    {
        var account = await context.Service<TargetAccountService>().GetAsync(AccountIdOf(context), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(account, Json.TargetAccount);
    }

    private static async Task<HandlerResult> Create(RouteContext context)
    {
        var body = context.Body(Json.CreateAccountRequest);
        var draft = new TargetAccountDraft { AccountId = body.AccountId, Name = body.Name, RoleArn = body.RoleArn, ExternalId = body.ExternalId, Regions = body.Regions };
        var account = await context.Service<TargetAccountService>().CreateAsync(draft, context.Actor, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Created(account, Json.TargetAccount);
    }

    private static async Task<HandlerResult> Update(RouteContext context)
    {
        var accountId = AccountIdOf(context);
        var body = context.Body(Json.UpdateAccountRequest);
        var draft = new TargetAccountDraft { AccountId = accountId, Name = body.Name, RoleArn = body.RoleArn, ExternalId = body.ExternalId, Regions = body.Regions };
        var account = await context.Service<TargetAccountService>().UpdateAsync(accountId, body.Version, draft, context.Actor, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(account, Json.TargetAccount);
    }

    private static async Task<HandlerResult> Delete(RouteContext context)
    {
        await context.Service<TargetAccountService>().DeleteAsync(AccountIdOf(context), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.NoContent();
    }

    private static async Task<HandlerResult> Validate(RouteContext context)
    {
        var result = await context.Service<TargetAccountService>().ValidateAsync(AccountIdOf(context), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(result, Json.AccountValidationResult);
    }

    private static string AccountIdOf(RouteContext context)
    {
        var id = context.Id("accountId");
        return AwsIdentifiers.IsAccountId(id)
            ? id
            : throw DomainException.BadRequest(ErrorCodes.InvalidId, "'accountId' must be a 12-digit AWS account id.", new Dictionary<string, object?> { ["field"] = "accountId" });
    }
}
