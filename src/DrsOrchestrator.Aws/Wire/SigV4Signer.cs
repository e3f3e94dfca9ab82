using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace DrsOrchestrator.Aws.Wire;

/// <summary>
/// Signs with AWSSDK.Core's SigV4 signer and composes the URL with the SDK's own encoding rules,
/// so the path that is signed is exactly the path that is sent.
/// </summary>
internal sealed class SigV4Signer(AwsService service)
{
    private const string SecurityTokenHeader = "X-Amz-Security-Token";

    public SignedRequest Sign(WireRequest request, Uri endpoint, string region, ImmutableCredentials credentials, DateTimeOffset signedAt)
    {
        var sdkRequest = new DefaultRequest(new UnmarshalledRequest(), service.SigningName)
        {
            HttpMethod = request.Method.Method,
            Endpoint = endpoint,
            ResourcePath = request.ResourcePath,
            Content = request.Body,
            AuthenticationRegion = region,
        };

        foreach (var (label, value) in request.PathLabels ?? new Dictionary<string, string>())
        {
            sdkRequest.AddPathResource("{" + label + "}", value);
        }

        if (request.Query is { Count: > 0 } query)
        {
            foreach (var group in query.GroupBy(q => q.Key, StringComparer.Ordinal))
            {
                sdkRequest.ParameterCollection.Add(group.Key, group.Select(g => g.Value).ToList());
            }

            sdkRequest.UseQueryString = true;
        }

        var url = AmazonServiceClient.ComposeUrl(sdkRequest);
        sdkRequest.Headers["Host"] = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
        if (request.ContentType is not null)
        {
            sdkRequest.Headers["Content-Type"] = request.ContentType;
        }

        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            sdkRequest.Headers[name] = value;
        }

        // Session credentials: the token is part of the signed headers, as the SDK does.
        if (credentials.UseToken)
        {
            sdkRequest.Headers[SecurityTokenHeader] = credentials.Token;
        }

        var config = new SigningConfig(service, region);
        var result = new AWS4Signer().SignRequest(sdkRequest, config, null, credentials.AccessKey, credentials.SecretKey, signedAt.UtcDateTime);
        sdkRequest.Headers["Authorization"] = result.ForAuthorizationHeader;

        var headers = sdkRequest.Headers
            .Where(h => !string.Equals(h.Key, "Host", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        return new SignedRequest(url, headers);
    }

    /// <summary>The SDK signer wants a request object; it is never marshalled, only carried.</summary>
    private sealed class UnmarshalledRequest : AmazonWebServiceRequest;

    /// <summary>The minimum of a client config the signer reads: signing region and service name.</summary>
    private sealed class SigningConfig : ClientConfig
    {
        private readonly AwsService service;

        public SigningConfig(AwsService service, string region)
            : base(null!)
        {
            this.service = service;
            AuthenticationRegion = region;
            AuthenticationServiceName = service.SigningName;
        }

        public override string RegionEndpointServiceName => service.EndpointPrefix;

        public override string ServiceVersion => "wire";

        public override string UserAgent => "drs-orchestrator";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
            throw new NotSupportedException("Endpoints are resolved by the wire client, not the SDK.");
    }
}
