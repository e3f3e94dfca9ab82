namespace DrsOrchestrator.Aws.Wire;

/// <summary>What identifies a service on the wire: the host prefix of its endpoint and the name it signs with.</summary>
/// <param name="GlobalHost">The one endpoint of a global service (IAM), signed for us-east-1; null for regional services.</param>
internal sealed record AwsService(string EndpointPrefix, string SigningName, string? GlobalHost = null)
{
    public static AwsService Drs { get; } = new("drs", "drs");

    public static AwsService StepFunctions { get; } = new("states", "states");

    public static AwsService EventBridge { get; } = new("events", "events");

    public static AwsService Ec2 { get; } = new("ec2", "ec2");

    public static AwsService Sts { get; } = new("sts", "sts");

    public static AwsService Iam { get; } = new("iam", "iam", "iam.amazonaws.com");

    /// <summary>The base URL for a region, unless an override (the simulator) replaces it.</summary>
    public Uri EndpointFor(string region, Uri? serviceUrl) =>
        serviceUrl ?? new Uri(GlobalHost is null ? $"https://{EndpointPrefix}.{region}.amazonaws.com" : $"https://{GlobalHost}");
}
