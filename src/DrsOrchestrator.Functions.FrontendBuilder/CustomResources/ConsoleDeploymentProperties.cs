using System.Text.Json.Serialization;

namespace DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

/// <summary>Properties of <c>Custom::ConsoleDeployment</c> as the frontend stack writes them; validated into a <see cref="Publishing.ConsoleDeploymentSpec"/>.</summary>
internal sealed record ConsoleDeploymentProperties(
    [property: JsonPropertyName("SourceBucket")] string? SourceBucket,
    [property: JsonPropertyName("SourceKey")] string? SourceKey,
    [property: JsonPropertyName("BundleHash")] string? BundleHash,
    [property: JsonPropertyName("TargetBucket")] string? TargetBucket,
    [property: JsonPropertyName("DistributionId")] string? DistributionId,
    [property: JsonPropertyName("AwsConfig")] AwsConfigProperties? AwsConfig);
