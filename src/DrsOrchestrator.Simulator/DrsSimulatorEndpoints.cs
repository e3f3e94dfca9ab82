using DrsOrchestrator.Simulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace DrsOrchestrator.Simulator;

/// <summary>Mounts the simulator (DRS, STS AssumeRole and EC2 reads at POST /, admin under /_sim) into any ASP.NET Core app.</summary>
public static class DrsSimulatorEndpoints
{
    /// <param name="endpoints">The app's route builder.</param>
    /// <param name="simulator">The engine to serve; call <see cref="DrsSimulator.Start"/> so jobs move on a scaled clock.</param>
    /// <param name="prefix">Path under which to serve, e.g. "/drs"; clients then use base URL + prefix.</param>
    public static IEndpointRouteBuilder MapDrsSimulator(this IEndpointRouteBuilder endpoints, DrsSimulator simulator, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(simulator);
        var group = endpoints.MapGroup(prefix);
        var handler = new DrsHttpHandler(simulator);
        DrsOperations.Map(group, handler);
        QueryOperations.Map(group, handler);
        AdminOperations.Map(group, simulator);
        return endpoints;
    }
}
