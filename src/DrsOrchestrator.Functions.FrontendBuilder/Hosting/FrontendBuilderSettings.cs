using System.Globalization;
using System.Text.RegularExpressions;

namespace DrsOrchestrator.Functions.FrontendBuilder.Hosting;

/// <summary>The function's settings, read once from the environment the frontend stack sets.</summary>
/// <param name="Region">Where the asset and console buckets live (Lambda sets AWS_REGION).</param>
/// <param name="PublishTimeout">Work stops here, leaving the rest of the function's timeout to answer FAILED.</param>
internal sealed partial record FrontendBuilderSettings(string Region, TimeSpan PublishTimeout, int UploadConcurrency, string? LogStream)
{
    public const string RegionVariable = "AWS_REGION";
    public const string PublishTimeoutVariable = "PUBLISH_TIMEOUT_SECONDS";
    public const string UploadConcurrencyVariable = "UPLOAD_CONCURRENCY";
    public const string LogStreamVariable = "AWS_LAMBDA_LOG_STREAM_NAME";

    public static readonly TimeSpan DefaultPublishTimeout = TimeSpan.FromSeconds(480);
    public const int DefaultUploadConcurrency = 8;

    /// <summary>Reports every problem at once; throws <see cref="ArgumentException"/> listing them.</summary>
    public static FrontendBuilderSettings FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();

        var region = environment(RegionVariable)?.Trim();
        if (string.IsNullOrEmpty(region) || !RegionPattern().IsMatch(region))
        {
            problems.Add($"{RegionVariable} must name an AWS region (got '{region}').");
        }

        var timeoutSeconds = Integer(environment, PublishTimeoutVariable, (int)DefaultPublishTimeout.TotalSeconds, 30, 840, problems);
        var concurrency = Integer(environment, UploadConcurrencyVariable, DefaultUploadConcurrency, 1, 32, problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(environment));
        }

        var logStream = environment(LogStreamVariable);
        return new FrontendBuilderSettings(region!, TimeSpan.FromSeconds(timeoutSeconds), concurrency, string.IsNullOrWhiteSpace(logStream) ? null : logStream);
    }

    private static int Integer(Func<string, string?> environment, string name, int fallback, int min, int max, List<string> problems)
    {
        var text = environment(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{name} must be a whole number from {min} to {max} (got '{text}').");
        return fallback;
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionPattern();
}
