using DrsOrchestrator.Functions.Api.Hosting;
using Microsoft.AspNetCore.Http;

namespace DrsOrchestrator.Local.Auth;

/// <summary>
/// Plays API Gateway's Cognito authorizer for the local host: the raw id token in Authorization (as the
/// console sends it in AWS), or with a "Bearer " prefix for scripts.
/// </summary>
internal sealed class LocalClaimsSource(LocalTokenService tokens) : IHttpClaimsSource
{
    public ValueTask<IReadOnlyDictionary<string, string>?> GetClaimsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString().Trim();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            header = header["Bearer ".Length..].Trim();
        }

        return ValueTask.FromResult(tokens.Validate(header));
    }
}
