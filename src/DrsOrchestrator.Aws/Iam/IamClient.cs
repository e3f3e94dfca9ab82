using DrsOrchestrator.Aws.Ec2;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Iam;

namespace DrsOrchestrator.Aws.Iam;

/// <summary>
/// IAM over the query protocol (<see cref="AwsQueryProtocol"/>) to the global endpoint, answered in XML
/// (&lt;ListInstanceProfilesResult&gt; with &lt;member&gt; lists); paging follows IsTruncated + Marker.
/// </summary>
internal sealed class IamClient(AwsWireClient wire) : IIamClient
{
    internal const string ApiVersion = "2010-05-08";

    /// <summary>IAM signs every request for us-east-1, whatever region the caller works in.</summary>
    internal const string SigningRegion = "us-east-1";

    /// <summary>Guards against a service that keeps saying IsTruncated; 1,000 pages is far beyond any account.</summary>
    private const int MaxPages = 1000;

    private readonly AwsQueryProtocol _query = new(wire, ApiVersion);

    public async Task<IReadOnlyList<IamInstanceProfile>> ListInstanceProfilesAsync(CancellationToken cancellationToken)
    {
        var profiles = new List<IamInstanceProfile>();
        string? marker = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var parameters = new List<KeyValuePair<string, string>>();
            if (marker is not null)
            {
                parameters.Add(new("Marker", marker));
            }

            var result = (await _query.InvokeAsync("ListInstanceProfiles", parameters, cancellationToken).ConfigureAwait(false)).Child("ListInstanceProfilesResult");
            profiles.AddRange(result.Members("InstanceProfiles", "member").Select(p => new IamInstanceProfile(
                p.Text("InstanceProfileName") ?? string.Empty,
                p.Text("Arn") ?? string.Empty,
                p.Text("Path") ?? "/",
                [.. p.Members("Roles", "member").Select(r => r.Text("RoleName")).OfType<string>()])));
            marker = result.Text("Marker");
            if (result.Bool("IsTruncated") != true || string.IsNullOrEmpty(marker))
            {
                return profiles;
            }
        }

        throw new InvalidOperationException($"ListInstanceProfiles returned more than {MaxPages} pages.");
    }
}
