using DrsOrchestrator.Aws.Persistence.Schema;

namespace DrsOrchestrator.Functions.Orchestration.Hosting;

/// <summary>
/// Everything the orchestration and poller functions read from their environment, validated once at
/// cold start so a missing variable fails the start, not the first wave.
/// </summary>
/// <remarks>Spoke accounts are not configured here: they are read from the target-accounts table (TARGET_ACCOUNTS_TABLE).</remarks>
/// <param name="ServiceUrl">AWS_ENDPOINT_URL: local twin only, replaces the DRS, STS, Step Functions and EventBridge endpoints.</param>
/// <param name="DynamoDbServiceUrl">AWS_ENDPOINT_URL_DYNAMODB: local twin only.</param>
public sealed record EngineSettings(
    string Region,
    string HubAccountId,
    TableNames Tables,
    string StateMachineArn,
    string EventBusName,
    string EventSource,
    int CapacityWaitSeconds,
    Uri? ServiceUrl,
    Uri? DynamoDbServiceUrl)
{
    /// <exception cref="InvalidOperationException">Lists every missing or malformed variable.</exception>
    public static EngineSettings FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var problems = new List<string>();
        string Required(string name)
        {
            var value = getVariable(name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                problems.Add($"{name} is not set");
                return string.Empty;
            }

            return value;
        }

        Uri? OptionalUrl(string name)
        {
            var value = getVariable(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"{name} is not an http(s) URL");
                return null;
            }

            return uri;
        }

        var region = Required("AWS_REGION");
        var hub = Required("HUB_ACCOUNT_ID");
        if (hub.Length > 0 && !IsAccountId(hub))
        {
            problems.Add("HUB_ACCOUNT_ID must be a 12-digit account id");
        }

        TableNames? tables = null;
        try
        {
            tables = TableNames.FromEnvironment(getVariable);
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
        }

        var stateMachine = Required("STATE_MACHINE_ARN");
        var bus = Required("EVENT_BUS_NAME");
        var source = getVariable("EVENT_SOURCE") is { Length: > 0 } s ? s.Trim() : "drs-orchestrator";
        var wait = 30;
        if (getVariable("CAPACITY_WAIT_SECONDS") is { Length: > 0 } w && (!int.TryParse(w, out wait) || wait < 1))
        {
            problems.Add("CAPACITY_WAIT_SECONDS must be a positive integer");
        }

        var serviceUrl = OptionalUrl("AWS_ENDPOINT_URL");
        var dynamoUrl = OptionalUrl("AWS_ENDPOINT_URL_DYNAMODB");
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The engine's configuration is invalid: " + string.Join("; ", problems) + ".");
        }

        return new EngineSettings(region, hub, tables!, stateMachine, bus, source, wait, serviceUrl, dynamoUrl);
    }

    private static bool IsAccountId(string value) => value.Length == 12 && value.All(char.IsAsciiDigit);
}
