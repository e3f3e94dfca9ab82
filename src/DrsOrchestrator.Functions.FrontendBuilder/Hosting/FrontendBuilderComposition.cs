using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using DrsOrchestrator.Aws.CloudFront;
using DrsOrchestrator.Aws.S3;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Functions.FrontendBuilder.CustomResources;
using DrsOrchestrator.Functions.FrontendBuilder.Publishing;

namespace DrsOrchestrator.Functions.FrontendBuilder.Hosting;

/// <summary>Wires the production adapters from the environment; never throws, because an unanswered request hangs the stack.</summary>
internal static class FrontendBuilderComposition
{
    /// <summary>One attempt to reach the response URL; the responder retries.</summary>
    private static readonly HttpClient ResponseClient = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static ConsoleDeploymentHandler FromEnvironment(Func<string, string?> environment, TimeProvider time, TextWriter log)
    {
        var responder = new CustomResourceResponder(ResponseClient, time);
        var logStream = environment(FrontendBuilderSettings.LogStreamVariable);
        try
        {
            var settings = FrontendBuilderSettings.FromEnvironment(environment);
            var s3 = new AmazonS3Client(RegionEndpoint.GetBySystemName(settings.Region));
            var publisher = new ConsolePublisher(
                new S3StaticSiteStore(s3),
                CloudFrontClients.Invalidator(SdkCredentialSource.FromDefaultChain(), new AwsClientOptions(TimeProvider: time)),
                settings.UploadConcurrency);
            return ConsoleDeploymentHandler.Ready(publisher, responder, settings.PublishTimeout, time, log, settings.LogStream);
        }
        catch (Exception e) when (e is ArgumentException or AmazonClientException or InvalidOperationException)
        {
            log.WriteLine("Frontend builder misconfigured: " + e.Message);
            return ConsoleDeploymentHandler.Misconfigured(e.Message, responder, time, log, logStream);
        }
    }
}
