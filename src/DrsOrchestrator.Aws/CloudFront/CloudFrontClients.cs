using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Console;

namespace DrsOrchestrator.Aws.CloudFront;

/// <summary>CloudFront through the SigV4 wire client (AWSSDK.CloudFront is not served by the package mirror).</summary>
public static class CloudFrontClients
{
    /// <summary>CloudFront is global: one endpoint, and requests are signed for us-east-1 wherever the caller runs.</summary>
    public const string SigningRegion = "us-east-1";

    public static readonly Uri GlobalEndpoint = new("https://cloudfront.amazonaws.com");

    internal static AwsService Service { get; } = new("cloudfront", "cloudfront");

    /// <param name="options">A <see cref="AwsClientOptions.ServiceUrl"/> replaces the global endpoint (tests).</param>
    public static IContentDeliveryInvalidator Invalidator(IAwsCredentialSource credentials, AwsClientOptions? options = null)
    {
        var effective = options ?? AwsClientOptions.Default;
        effective = effective with { ServiceUrl = effective.ServiceUrl ?? GlobalEndpoint };
        return new CloudFrontInvalidator(new AwsWireClient(Service, SigningRegion, credentials, effective, Ec2XmlErrorParser.Instance));
    }
}
