using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using DrsOrchestrator.Application.Orchestration;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Events;
using DrsOrchestrator.Workflow.Contract;

namespace DrsOrchestrator.Functions.Orchestration;

/// <summary>
/// Translates a state machine task payload into one engine call and the engine's outcome into the step
/// result the state machine routes on. The Lambda's <see cref="Function"/> and the local workflow runner
/// bind this same class, so the deployed path and the tested path are one.
/// </summary>
public sealed class OrchestrationHandler(OrchestrationEngine engine)
{
    /// <summary>The runner's in-process binding: payload in, step result out.</summary>
    public async Task<JsonNode> HandleAsync(JsonNode payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var input = payload.Deserialize(OrchestrationJsonContext.Default.OrchestrationTaskInput)
            ?? throw new ArgumentException("The task payload is empty.", nameof(payload));
        var result = await HandleAsync(input, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToNode(result, OrchestrationJsonContext.Default.OrchestrationStepResult)!;
    }

    /// <exception cref="OrchestrationTransientException">A failure worth retrying (throttling, a lost write race, a network blip).</exception>
    public async Task<OrchestrationStepResult> HandleAsync(OrchestrationTaskInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.ExecutionId);
        try
        {
            var id = input.ExecutionId;
            switch (input.Action)
            {
                case OrchestrationActions.Start:
                    return ToContract(await engine.StartAsync(id, cancellationToken).ConfigureAwait(false));
                case OrchestrationActions.StartWave:
                    return ToContract(await engine.StartWaveAsync(id, cancellationToken).ConfigureAwait(false));
                case OrchestrationActions.AwaitWave:
                    await engine.AwaitWaveAsync(id, RequireToken(input), cancellationToken).ConfigureAwait(false);
                    return new OrchestrationStepResult(id, OrchestrationNextSteps.AwaitWave);
                case OrchestrationActions.ReconcileWave:
                    return ToContract(await engine.ReconcileWaveAsync(id, cancellationToken).ConfigureAwait(false));
                case OrchestrationActions.Pause:
                    await engine.PauseAsync(id, RequireToken(input), cancellationToken).ConfigureAwait(false);
                    return new OrchestrationStepResult(id, OrchestrationNextSteps.Pause);
                case OrchestrationActions.Finalize:
                    return ToContract(await engine.FinalizeAsync(id, cancellationToken).ConfigureAwait(false));
                case OrchestrationActions.Cancelled:
                    await engine.CancelledAsync(id, cancellationToken).ConfigureAwait(false);
                    return new OrchestrationStepResult(id, OrchestrationNextSteps.Finalize);
                case OrchestrationActions.Fail:
                    await engine.FailAsync(id, input.Error?.Error ?? "Unknown", CauseText(input.Error?.Cause), cancellationToken).ConfigureAwait(false);
                    return new OrchestrationStepResult(id, OrchestrationNextSteps.Finalize);
                default:
                    throw new ArgumentException($"Unknown action '{input.Action}'.", nameof(input));
            }
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            throw new OrchestrationTransientException($"{ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    /// <summary>The engine's next step as the contract names it.</summary>
    public static OrchestrationStepResult ToContract(StepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.ToContract();
    }

    /// <summary>Failures that a retry with backoff can fix; everything else records FAILED with its cause.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        DomainException d => d.Code == ErrorCodes.VersionConflict,
        AwsThrottlingException or AwsInternalServerException => true,
        AwsServiceException s => s.StatusCode >= 500,
        AmazonServiceException a => a.StatusCode >= System.Net.HttpStatusCode.InternalServerError
            || a.ErrorCode is "ThrottlingException" or "ProvisionedThroughputExceededException" or "RequestLimitExceeded" or "TransactionConflictException",
        EventPublishException => true,
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        TaskCanceledException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    private static string RequireToken(OrchestrationTaskInput input) =>
        string.IsNullOrWhiteSpace(input.TaskToken)
            ? throw new ArgumentException($"Action '{input.Action}' needs a taskToken.", nameof(input))
            : input.TaskToken;

    /// <summary>A Lambda failure's cause is a JSON string with errorMessage; show the message, not the envelope.</summary>
    private static string? CauseText(string? cause)
    {
        if (string.IsNullOrWhiteSpace(cause) || !cause.TrimStart().StartsWith('{'))
        {
            return cause;
        }

        try
        {
            return JsonNode.Parse(cause)?["errorMessage"]?.GetValue<string>() ?? cause;
        }
        catch (JsonException)
        {
            return cause;
        }
    }
}
