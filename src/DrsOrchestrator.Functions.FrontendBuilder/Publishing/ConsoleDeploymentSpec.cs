using System.Text.RegularExpressions;
using DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

namespace DrsOrchestrator.Functions.FrontendBuilder.Publishing;

/// <summary>A <c>Custom::ConsoleDeployment</c> request whose properties passed validation.</summary>
internal sealed partial record ConsoleDeploymentSpec(
    string SourceBucket,
    string SourceKey,
    string BundleHash,
    string TargetBucket,
    string DistributionId,
    AwsConfigProperties AwsConfig)
{
    /// <summary>The console runs against Cognito when deployed; "local" exists only on the local host.</summary>
    public const string DeployedAuthMode = "cognito";

    /// <summary>Tied to the target bucket: moving the console to another bucket is a replacement.</summary>
    public string PhysicalResourceId => $"console-{TargetBucket}";

    /// <summary>Reports every problem at once, so one failed deploy shows all of them.</summary>
    public static ConsoleDeploymentSpec From(ConsoleDeploymentProperties? properties)
    {
        if (properties is null)
        {
            throw new ConsoleDeploymentException("ResourceProperties are missing.");
        }

        var problems = new List<string>();
        var sourceBucket = Required(properties.SourceBucket, "SourceBucket", problems);
        var sourceKey = Required(properties.SourceKey, "SourceKey", problems);
        var bundleHash = Required(properties.BundleHash, "BundleHash", problems);
        var targetBucket = Required(properties.TargetBucket, "TargetBucket", problems);
        var distributionId = Required(properties.DistributionId, "DistributionId", problems);
        if (targetBucket is not null && !BucketPattern().IsMatch(targetBucket))
        {
            problems.Add($"TargetBucket '{targetBucket}' is not an S3 bucket name.");
        }

        var config = properties.AwsConfig;
        if (config is null)
        {
            problems.Add("AwsConfig is required.");
        }
        else
        {
            if (Required(config.Region, "AwsConfig.region", problems) is { } region && !RegionPattern().IsMatch(region))
            {
                problems.Add($"AwsConfig.region '{region}' is not an AWS region name.");
            }

            if (Required(config.ApiUrl, "AwsConfig.apiUrl", problems) is { } apiUrl
                && (!Uri.TryCreate(apiUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"AwsConfig.apiUrl '{apiUrl}' must be an absolute https URL.");
            }

            Required(config.UserPoolId, "AwsConfig.userPoolId", problems);
            Required(config.UserPoolClientId, "AwsConfig.userPoolClientId", problems);
            if (config.AuthMode != DeployedAuthMode)
            {
                problems.Add($"AwsConfig.authMode must be '{DeployedAuthMode}' in a deployed console, not '{config.AuthMode}'.");
            }
        }

        if (problems.Count > 0)
        {
            throw new ConsoleDeploymentException("Invalid Custom::ConsoleDeployment properties: " + string.Join(" ", problems));
        }

        return new ConsoleDeploymentSpec(sourceBucket!, sourceKey!, bundleHash!, targetBucket!, distributionId!, config!);
    }

    private static string? Required(string? value, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{name} is required.");
            return null;
        }

        return value.Trim();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionPattern();
}
