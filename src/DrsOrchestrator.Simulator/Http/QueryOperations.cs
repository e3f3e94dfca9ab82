using System.Text;
using DrsOrchestrator.Simulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace DrsOrchestrator.Simulator.Http;

/// <summary>
/// STS, EC2 and IAM all speak the query protocol at POST /; like one endpoint serving them all, the
/// simulator tells them apart by the service in the SigV4 credential scope.
/// </summary>
internal static class QueryOperations
{
    public static void Map(IEndpointRouteBuilder routes, DrsHttpHandler handler) =>
        routes.MapPost("/", context => DispatchAsync(context, handler));

    private static async Task DispatchAsync(HttpContext context, DrsHttpHandler handler)
    {
        var body = await DrsHttpHandler.ReadBodyAsync(context).ConfigureAwait(false);
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var scope = SigV4Authorization.TryParse(context.Request.Headers.Authorization.ToString());

        // Unsigned or garbled requests go to STS, whose authentication reports the problem.
        if (scope?.Service == "ec2")
        {
            await Ec2Operations.HandleAsync(context, handler, body, form).ConfigureAwait(false);
        }
        else if (scope?.Service == "iam")
        {
            await IamOperations.HandleAsync(context, handler, body, form).ConfigureAwait(false);
        }
        else
        {
            await StsOperations.HandleAsync(context, handler, body, form).ConfigureAwait(false);
        }
    }
}
