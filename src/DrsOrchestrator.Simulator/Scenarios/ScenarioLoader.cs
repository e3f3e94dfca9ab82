using System.Text.Json;
using System.Text.RegularExpressions;
using DrsOrchestrator.Simulator.Engine;

namespace DrsOrchestrator.Simulator.Scenarios;

/// <summary>Reads and validates scenario JSON; the sample fleets ship inside this assembly.</summary>
public static partial class ScenarioLoader
{
    /// <summary>The three-tier sample: two accounts, two regions, about 30 servers.</summary>
    public const string ThreeTierSample = "three-tier";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly HashSet<string> ReplicationStates =
    [
        "STOPPED", "INITIATING", "INITIAL_SYNC", "BACKLOG", "CREATING_SNAPSHOT", "CONTINUOUS",
        "PAUSED", "RESCAN", "STALLED", "DISCONNECTED",
    ];

    public static IReadOnlyList<string> SampleNames { get; } =
        [.. typeof(ScenarioLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)];

    private const string ResourcePrefix = "DrsOrchestrator.Simulator.Samples.";

    public static SimulatorScenario LoadSample(string name, DrsLimits? limits = null)
    {
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
            ?? throw new ScenarioValidationException([$"no sample scenario named '{name}' (known: {string.Join(", ", SampleNames)})"]);
        return Load(stream, limits);
    }

    public static SimulatorScenario LoadFile(string path, DrsLimits? limits = null)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, limits);
    }

    public static SimulatorScenario Parse(string json, DrsLimits? limits = null)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Load(stream, limits);
    }

    public static SimulatorScenario Load(Stream json, DrsLimits? limits = null)
    {
        SimulatorScenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<SimulatorScenario>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new ScenarioValidationException([$"not valid scenario JSON: {ex.Message}"]);
        }

        if (scenario is null)
        {
            throw new ScenarioValidationException(["scenario is empty"]);
        }

        Validate(scenario, limits ?? DrsLimits.Default);
        return scenario;
    }

    /// <summary>Throws <see cref="ScenarioValidationException"/> listing every problem.</summary>
    public static void Validate(SimulatorScenario scenario, DrsLimits limits)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new List<string>();
        var accountIds = new HashSet<string>(StringComparer.Ordinal);
        var serverIds = new HashSet<string>(StringComparer.Ordinal);
        if (scenario.Accounts.Count == 0)
        {
            errors.Add("scenario has no accounts");
        }

        foreach (var account in scenario.Accounts)
        {
            var where = $"account '{account.AccountId}'";
            if (!AccountIdPattern().IsMatch(account.AccountId))
            {
                errors.Add($"{where}: accountId must be 12 digits");
            }
            else if (!accountIds.Add(account.AccountId))
            {
                errors.Add($"{where}: listed twice");
            }

            var regions = new HashSet<string>(StringComparer.Ordinal);
            foreach (var region in account.Regions)
            {
                var regionWhere = $"{where} region '{region.Region}'";
                if (!RegionPattern().IsMatch(region.Region))
                {
                    errors.Add($"{regionWhere}: not a region name like us-east-1");
                }
                else if (!regions.Add(region.Region))
                {
                    errors.Add($"{regionWhere}: listed twice");
                }

                var replicating = region.Servers.Count(s => !s.Archived && s.ReplicationState != "DISCONNECTED");
                if (replicating > limits.MaxReplicatingServers)
                {
                    errors.Add($"{regionWhere}: {replicating} replicating servers exceed the quota of {limits.MaxReplicatingServers}");
                }

                foreach (var server in region.Servers)
                {
                    ValidateServer(server, regionWhere, serverIds, errors);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }
    }

    private static void ValidateServer(ScenarioServer server, string where, HashSet<string> serverIds, List<string> errors)
    {
        var serverWhere = $"{where} server '{server.Hostname}'";
        if (string.IsNullOrWhiteSpace(server.Hostname))
        {
            errors.Add($"{where}: a server has no hostname");
        }

        if (server.Os is not ("LINUX" or "WINDOWS"))
        {
            errors.Add($"{serverWhere}: os must be LINUX or WINDOWS");
        }

        if (!ReplicationStates.Contains(server.ReplicationState))
        {
            errors.Add($"{serverWhere}: unknown replicationState '{server.ReplicationState}'");
        }

        if (server.Id is not null && (!SourceServerIdPattern().IsMatch(server.Id) || !serverIds.Add(server.Id)))
        {
            errors.Add($"{serverWhere}: id must be unique and look like s- followed by 17 hex digits");
        }

        if (server.LagSeconds < 0 || server.Cpus <= 0 || server.RamGiB <= 0)
        {
            errors.Add($"{serverWhere}: lagSeconds, cpus and ramGiB must be positive");
        }

        if (server.Tags is { Count: > 50 })
        {
            errors.Add($"{serverWhere}: more than 50 tags");
        }

        foreach (var ip in server.Ips ?? [])
        {
            if (!System.Net.IPAddress.TryParse(ip, out _))
            {
                errors.Add($"{serverWhere}: '{ip}' is not an IP address");
            }
        }
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^s-[0-9a-f]{17}$")]
    private static partial Regex SourceServerIdPattern();
}
