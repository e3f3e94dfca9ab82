namespace DrsOrchestrator.Functions.Api.Hosting;

/// <summary>
/// Everything the API function needs from its environment, read and validated once at startup: a
/// missing or malformed variable fails the cold start instead of the first request that needs it.
/// </summary>
/// <param name="AllowedOrigin">The console's origin for CORS (CORS_ALLOWED_ORIGIN).</param>
/// <param name="HubAccountId">The account the hub runs in (HUB_ACCOUNT_ID); its DRS calls use the function's own role.</param>
/// <param name="ServiceUrl">Optional base URL replacing every AWS endpoint but DynamoDB's (AWS_ENDPOINT_URL, local twin only).</param>
/// <param name="DynamoDbServiceUrl">Optional DynamoDB endpoint (AWS_ENDPOINT_URL_DYNAMODB, local twin only).</param>
public sealed record ApiSettings(
    string Region,
    string AllowedOrigin,
    string HubAccountId,
    Aws.Persistence.Schema.TableNames Tables,
    Uri? ServiceUrl,
    Uri? DynamoDbServiceUrl)
{
    /// <summary>The orchestration state machine executions start on (STATE_MACHINE_ARN).</summary>
    public string StateMachineArn { get; init; } = "";

    /// <summary>Where execution events are published (EVENT_BUS_NAME).</summary>
    public string EventBusName { get; init; } = "default";

    /// <summary>The events' source field (EVENT_SOURCE).</summary>
    public string EventSource { get; init; } = "drs-orchestrator";

    public static ApiSettings FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var problems = new List<string>();
        string Required(string name)
        {
            var value = getVariable(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{name} is not set");
                return string.Empty;
            }

            return value.Trim();
        }

        Uri? OptionalUrl(string name)
        {
            var value = getVariable(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"{name} is not an http(s) URL");
                return null;
            }

            return uri;
        }

        var region = Required("AWS_REGION");
        var origin = Required("CORS_ALLOWED_ORIGIN");
        var hub = Required("HUB_ACCOUNT_ID");
        if (hub.Length > 0 && (hub.Length != 12 || !hub.All(char.IsAsciiDigit)))
        {
            problems.Add("HUB_ACCOUNT_ID must be a 12-digit account id");
        }

        var stateMachineArn = Required("STATE_MACHINE_ARN");
        var eventBus = Required("EVENT_BUS_NAME");
        var eventSource = getVariable("EVENT_SOURCE") is { Length: > 0 } source ? source.Trim() : "drs-orchestrator";
        var serviceUrl = OptionalUrl("AWS_ENDPOINT_URL");
        var dynamoUrl = OptionalUrl("AWS_ENDPOINT_URL_DYNAMODB");
        Aws.Persistence.Schema.TableNames? tables = null;
        try
        {
            tables = Aws.Persistence.Schema.TableNames.FromEnvironment(getVariable);
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message.TrimEnd('.'));
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid API configuration: " + string.Join("; ", problems) + ".");
        }

        return new ApiSettings(region, origin, hub, tables!, serviceUrl, dynamoUrl)
        {
            StateMachineArn = stateMachineArn,
            EventBusName = eventBus,
            EventSource = eventSource,
        };
    }
}
