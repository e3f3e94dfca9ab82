using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Ec2;
using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Application.Common;

/// <summary>
/// How group launch settings map onto the EC2 launch template DRS launches each source server with
/// (<c>ec2LaunchTemplateID</c> in its launch configuration): subnet and security groups on the network
/// interface with device index 0, instance type, instance profile. One mapping for the engine (before a
/// wave launches) and the API's apply-launch-configuration, so both write the same thing.
/// </summary>
/// <remarks>
/// Applying reads the template's default version first and writes nothing when it already holds what
/// the settings ask, so a retried step makes no writes. A write is a new version based on the default
/// (EC2 copies it and replaces only what the request sets), made the default afterwards. The version's
/// client token is derived from the template, its source version and the change: a retry after a crash
/// between the two calls gets the same version back instead of a second one. A version EC2 creates
/// with warnings is deleted again (docs/adr/0008).
/// </remarks>
internal static class Ec2LaunchTemplateSettings
{
    public const string VersionDescription = "Launch settings applied by DRS Orchestrator";

    /// <summary>The template members the settings set; null when they set none.</summary>
    public static Ec2LaunchTemplateChange? ToChange(LaunchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var change = new Ec2LaunchTemplateChange(settings.SubnetId, settings.SecurityGroupIds, settings.InstanceType, settings.InstanceProfile);
        return change is { SubnetId: null, SecurityGroupIds: null, InstanceType: null, InstanceProfile: null } ? null : change;
    }

    /// <summary>True when the template version already holds every member the change sets.</summary>
    public static bool IsSatisfiedBy(Ec2LaunchTemplateData current, Ec2LaunchTemplateChange wanted)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(wanted);
        var primary = Primary(current.NetworkInterfaces);
        return (wanted.SubnetId is null || wanted.SubnetId == primary?.SubnetId)
            && (wanted.SecurityGroupIds is null || (primary is not null && primary.Groups.ToHashSet(StringComparer.Ordinal).SetEquals(wanted.SecurityGroupIds)))
            && (wanted.InstanceType is null || wanted.InstanceType == current.InstanceType)
            && (wanted.InstanceProfile is null || ProfileMatches(current.IamInstanceProfile, wanted.InstanceProfile));
    }

    /// <summary>A new version based on <paramref name="current"/> that sets what <paramref name="wanted"/> asks.</summary>
    public static Ec2NewLaunchTemplateVersion ToNewVersion(Ec2LaunchTemplateVersion current, Ec2LaunchTemplateChange wanted)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(wanted);
        IReadOnlyList<Ec2LaunchTemplateNetworkInterface>? interfaces = null;
        if (wanted.SubnetId is not null || wanted.SecurityGroupIds is not null)
        {
            // Setting interfaces replaces the source version's list: every interface goes back as it was,
            // except device 0, which carries the recovery subnet and groups.
            var list = current.Data.NetworkInterfaces.ToList();
            var primary = Primary(list);
            var index = primary is null ? -1 : list.IndexOf(primary);
            var updated = primary ?? new Ec2LaunchTemplateNetworkInterface { DeviceIndex = 0 };
            if (wanted.SubnetId is not null && wanted.SubnetId != updated.SubnetId)
            {
                // An existing interface or a fixed address belongs to the old subnet and cannot move with it.
                updated = updated with { SubnetId = wanted.SubnetId, NetworkInterfaceId = null, PrivateIpAddress = null };
            }

            if (wanted.SecurityGroupIds is not null)
            {
                updated = updated with { Groups = [.. wanted.SecurityGroupIds] };
            }

            if (index < 0)
            {
                list.Insert(0, updated);
            }
            else
            {
                list[index] = updated;
            }

            interfaces = list;
        }

        Ec2IamInstanceProfile? profile = wanted.InstanceProfile is null ? null
            : IsArn(wanted.InstanceProfile) ? new Ec2IamInstanceProfile(wanted.InstanceProfile, null)
            : new Ec2IamInstanceProfile(null, wanted.InstanceProfile);
        return new Ec2NewLaunchTemplateVersion(
            current.LaunchTemplateId,
            current.VersionNumber,
            ClientToken(current, wanted),
            VersionDescription,
            wanted.InstanceType,
            profile,
            interfaces);
    }

    /// <summary>
    /// Reads the template's default version and, unless it already holds the change, creates a version
    /// from it and makes that the default.
    /// </summary>
    /// <returns>Whether anything was written.</returns>
    /// <exception cref="AwsServiceException">EC2 refused a call, or created the version with warnings (then it is not made the default, and is deleted).</exception>
    public static async Task<bool> ApplyAsync(IEc2Client ec2, string launchTemplateId, Ec2LaunchTemplateChange wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        var current = await ec2.DescribeDefaultLaunchTemplateVersionAsync(launchTemplateId, cancellationToken).ConfigureAwait(false);
        if (IsSatisfiedBy(current.Data, wanted))
        {
            return false;
        }

        var created = await ec2.CreateLaunchTemplateVersionAsync(ToNewVersion(current, wanted), cancellationToken).ConfigureAwait(false);
        if (created.Warnings.Count > 0)
        {
            // A version EC2 could not validate would fail at launch; the current default stays in force,
            // and the version goes, so retries (each a new version once the settings change) leave none
            // behind. Throttling and EC2 failures of the delete propagate: the caller's retry creates the
            // version again (same client token) and deletes it then.
            var first = created.Warnings[0];
            var outcome = "was deleted";
            try
            {
                await ec2.DeleteLaunchTemplateVersionAsync(launchTemplateId, created.VersionNumber, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex is not (AwsThrottlingException or AwsInternalServerException))
            {
                // Refused (e.g. the role lacks the permission): the warning stays the reason the server fails.
                outcome = $"could not be deleted: {ex.ErrorCode}";
            }

            throw new AwsValidationException(
                "ec2",
                first.Code,
                400,
                $"ec2 {first.Code}: {first.Message} (launch template {launchTemplateId} version {created.VersionNumber} was not made the default and {outcome})");
        }

        await ec2.SetDefaultLaunchTemplateVersionAsync(launchTemplateId, created.VersionNumber, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The interface DRS configures: device index 0, else the first one.</summary>
    private static Ec2LaunchTemplateNetworkInterface? Primary(IReadOnlyList<Ec2LaunchTemplateNetworkInterface> interfaces) =>
        interfaces.FirstOrDefault(n => n.DeviceIndex is 0) ?? interfaces.FirstOrDefault();

    /// <summary>EC2 keeps a profile as it was given (name or ARN); either form of the same profile matches.</summary>
    private static bool ProfileMatches(Ec2IamInstanceProfile? current, string wanted)
    {
        if (current is null)
        {
            return false;
        }

        if (IsArn(wanted))
        {
            return current.Arn == wanted || (current.Arn is null && current.Name == NameOf(wanted));
        }

        return current.Name == wanted || (current.Arn is { } arn && NameOf(arn) == wanted);
    }

    private static bool IsArn(string profile) => profile.StartsWith("arn:", StringComparison.Ordinal);

    /// <summary>arn:aws:iam::123456789012:instance-profile/path/name → name.</summary>
    private static string NameOf(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    private static string ClientToken(Ec2LaunchTemplateVersion current, Ec2LaunchTemplateChange wanted)
    {
        var text = string.Join(
            '\n',
            current.LaunchTemplateId,
            current.VersionNumber.ToString(CultureInfo.InvariantCulture),
            wanted.SubnetId ?? "-",
            wanted.SecurityGroupIds is null ? "-" : string.Join(',', wanted.SecurityGroupIds.Order(StringComparer.Ordinal)),
            wanted.InstanceType ?? "-",
            wanted.InstanceProfile ?? "-");
        return "drs-orchestrator-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
    }
}
