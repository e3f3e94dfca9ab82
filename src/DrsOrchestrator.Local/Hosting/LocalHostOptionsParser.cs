using System.Globalization;
using System.Net;

namespace DrsOrchestrator.Local.Hosting;

/// <summary>Command line to <see cref="LocalHostOptions"/>; every mistake is reported at once, before anything starts.</summary>
public static class LocalHostOptionsParser
{
    public const string Usage = """
        Usage: ./dev start [options]
          --port <n>          port on 127.0.0.1 (default 8080; 0 picks a free one)
          --host <address>    loopback address to listen on (default 127.0.0.1; anything else is refused)
          --time-scale <x>    virtual seconds per real second (default 60: a 20-minute drill takes about 20 s)
          --data-dir <path>   keep DynamoDB Local's data in <path> (default: in memory, gone on exit)
          --console-dir <p>   built console to serve (default frontend/dist)
          --scenario <name>   simulator sample fleet (default three-tier)
          --no-seed           do not add the sample accounts, protection groups and plan
          --help              show this text
        """;

    /// <returns>The options, or null with <paramref name="errors"/> filled (or <paramref name="help"/> set).</returns>
    public static LocalHostOptions? Parse(IReadOnlyList<string> args, out IReadOnlyList<string> errors, out bool help)
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = new List<string>();
        var options = new LocalHostOptions();
        help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? Value()
            {
                if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return args[++i];
                }

                problems.Add($"{name} needs a value.");
                return null;
            }

            switch (name)
            {
                case "--help" or "-h":
                    help = true;
                    break;
                case "--port":
                    if (Value() is { } port)
                    {
                        if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 65535)
                        {
                            options = options with { Port = p };
                        }
                        else
                        {
                            problems.Add($"--port must be a number from 0 to 65535, not '{port}'.");
                        }
                    }

                    break;
                case "--host":
                    if (Value() is { } host)
                    {
                        var address = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var a) ? a : null;
                        if (address is null || !IPAddress.IsLoopback(address))
                        {
                            problems.Add($"--host {host} refused: the local host only listens on a loopback address (127.0.0.1 or ::1), because local sign-in grants any role to whoever can reach it.");
                        }
                        else
                        {
                            options = options with { ListenAddress = address };
                        }
                    }

                    break;
                case "--time-scale":
                    if (Value() is { } scale)
                    {
                        if (double.TryParse(scale, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 100_000)
                        {
                            options = options with { TimeScale = s };
                        }
                        else
                        {
                            problems.Add($"--time-scale must be a number above 0 and at most 100000, not '{scale}'.");
                        }
                    }

                    break;
                case "--data-dir":
                    if (Value() is { } data)
                    {
                        options = options with { DataDirectory = Path.GetFullPath(data) };
                    }

                    break;
                case "--console-dir":
                    if (Value() is { } console)
                    {
                        options = options with { ConsoleDirectory = Path.GetFullPath(console) };
                    }

                    break;
                case "--scenario":
                    if (Value() is { } scenario)
                    {
                        if (Simulator.Scenarios.ScenarioLoader.SampleNames.Contains(scenario, StringComparer.Ordinal))
                        {
                            options = options with { Scenario = scenario };
                        }
                        else
                        {
                            problems.Add($"--scenario must be one of {string.Join(", ", Simulator.Scenarios.ScenarioLoader.SampleNames)}, not '{scenario}'.");
                        }
                    }

                    break;
                case "--no-seed":
                    options = options with { Seed = false };
                    break;
                default:
                    problems.Add($"Unknown option '{name}'.");
                    break;
            }
        }

        errors = problems;
        return problems.Count == 0 && !help ? options : null;
    }
}
