using DrsOrchestrator.Domain.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrsOrchestrator.Local.Auth;

/// <summary>
/// The local stand-in for the Cognito hosted sign-in. It lives outside /api because API Gateway has no
/// such route in AWS, and the host only ever listens on loopback, so it cannot be reached from outside.
/// </summary>
internal static class LocalAuthEndpoints
{
    public static void MapLocalAuth(this IEndpointRouteBuilder endpoints, LocalTokenService tokens)
    {
        var group = endpoints.MapGroup("/local-auth");
        group.MapGet("/users", () => Results.Json(LocalUsers.Presets));
        group.MapPost("/sign-in", (LocalSignInRequest? request) =>
        {
            if (request?.Email is not { } email)
            {
                return Problem("email is required.");
            }

            var groups = request.Groups ?? LocalUsers.Presets.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase))?.Groups ?? [];
            try
            {
                return Results.Json(tokens.Issue(email, groups));
            }
            catch (ArgumentException ex)
            {
                return Problem(ex.Message);
            }
        });
    }

    private static IResult Problem(string message) =>
        Results.Json(new { success = false, error = new { code = ErrorCodes.InvalidField, message } }, statusCode: StatusCodes.Status400BadRequest);
}
