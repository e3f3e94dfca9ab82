using Microsoft.AspNetCore.Http;

namespace DrsOrchestrator.Functions.Api.Hosting;

/// <summary>
/// Where the ASP.NET Core adapter gets verified claims from. In AWS, API Gateway's Cognito authorizer
/// does this before the function runs; the local host implements it by validating its own signed tokens.
/// </summary>
public interface IHttpClaimsSource
{
    /// <returns>Cognito-shaped claims (sub, email, cognito:groups), or null when the request carries no valid token.</returns>
    ValueTask<IReadOnlyDictionary<string, string>?> GetClaimsAsync(HttpContext context);
}
