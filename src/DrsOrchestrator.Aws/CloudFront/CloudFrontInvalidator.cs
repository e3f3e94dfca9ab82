using System.Globalization;
using System.Text;
using System.Xml.Linq;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Console;

namespace DrsOrchestrator.Aws.CloudFront;

/// <summary>
/// CloudFront CreateInvalidation over the rest-xml protocol: the payload member is the XML document
/// itself (no wrapper), named and namespaced as the 2020-05-31 model says.
/// </summary>
internal sealed class CloudFrontInvalidator(AwsWireClient wire) : IContentDeliveryInvalidator
{
    public const string ApiVersion = "2020-05-31";

    internal static readonly XNamespace Namespace = $"http://cloudfront.amazonaws.com/doc/{ApiVersion}/";

    public async Task<string> InvalidateAsync(string distributionId, IReadOnlyList<string> paths, string callerReference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(distributionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(callerReference);
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("At least one path is needed.", nameof(paths));
        }

        var batch = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(Namespace + "InvalidationBatch",
                new XElement(Namespace + "Paths",
                    new XElement(Namespace + "Quantity", paths.Count.ToString(CultureInfo.InvariantCulture)),
                    new XElement(Namespace + "Items", paths.Select(p => new XElement(Namespace + "Path", p)))),
                new XElement(Namespace + "CallerReference", callerReference)));

        // The caller reference makes a repeated request return the first invalidation, so retrying is safe.
        var request = new WireRequest(
            "CreateInvalidation",
            HttpMethod.Post,
            $"/{ApiVersion}/distribution/{{DistributionId}}/invalidation",
            Encoding.UTF8.GetBytes(batch.Declaration + batch.ToString(SaveOptions.DisableFormatting)),
            "application/xml",
            PathLabels: new Dictionary<string, string> { ["DistributionId"] = distributionId });
        var response = await wire.SendAsync(request, cancellationToken).ConfigureAwait(false);

        using var body = new MemoryStream(response.Body);
        var invalidation = XDocument.Load(body).Root;
        var id = invalidation?.Elements().FirstOrDefault(e => e.Name.LocalName == "Id")?.Value;
        return string.IsNullOrWhiteSpace(id)
            ? throw new InvalidOperationException("CloudFront accepted the invalidation but its answer carries no Id.")
            : id;
    }
}
