using System.Text.RegularExpressions;

namespace DrsOrchestrator.Domain.Common;

/// <summary>
/// Syntax of the AWS identifiers the domain stores. Checking syntax here keeps malformed IDs out of
/// DynamoDB and out of DRS calls, where they would fail later with a less useful message.
/// </summary>
public static partial class AwsIdentifiers
{
    public static bool IsAccountId(string? value) => value is not null && AccountIdPattern().IsMatch(value);

    /// <summary>Region syntax (e.g. <c>us-east-1</c>, <c>us-gov-west-1</c>), not membership: new regions appear without a release.</summary>
    public static bool IsRegion(string? value) => value is not null && RegionPattern().IsMatch(value);

    /// <summary>DRS source server IDs are <c>s-</c> followed by 17 lowercase hex characters.</summary>
    public static bool IsSourceServerId(string? value) => value is not null && SourceServerIdPattern().IsMatch(value);

    public static bool IsSubnetId(string? value) => value is not null && SubnetIdPattern().IsMatch(value);

    public static bool IsSecurityGroupId(string? value) => value is not null && SecurityGroupIdPattern().IsMatch(value);

    public static bool IsInstanceType(string? value) => value is not null && value.Length <= 64 && InstanceTypePattern().IsMatch(value);

    /// <summary>An instance profile may be given by name or by ARN, as EC2 launch templates accept both.</summary>
    public static bool IsInstanceProfile(string? value) =>
        value is not null && (InstanceProfileArnPattern().IsMatch(value) || IamNamePattern().IsMatch(value));

    public static bool IsRoleArn(string? value) => value is not null && value.Length <= 2048 && RoleArnPattern().IsMatch(value);

    /// <summary>The 12-digit account of an IAM role ARN, or null when the ARN is malformed.</summary>
    public static string? AccountOfRoleArn(string? value)
    {
        if (value is null || value.Length > 2048)
        {
            return null;
        }

        var match = RoleArnPattern().Match(value);
        return match.Success ? match.Groups["account"].Value : null;
    }

    /// <summary>STS accepts 2–1224 characters from this set for an external ID.</summary>
    public static bool IsExternalId(string? value) => value is not null && ExternalIdPattern().IsMatch(value);

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)?-[a-z]+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^s-[0-9a-f]{17}$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceServerIdPattern();

    [GeneratedRegex("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant)]
    private static partial Regex SubnetIdPattern();

    [GeneratedRegex("^sg-([0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant)]
    private static partial Regex SecurityGroupIdPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*\\.[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceTypePattern();

    [GeneratedRegex("^arn:aws(-cn|-us-gov|-iso|-iso-b)?:iam::[0-9]{12}:instance-profile/([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceProfileArnPattern();

    [GeneratedRegex("^[A-Za-z0-9+=,.@_-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex IamNamePattern();

    [GeneratedRegex("^arn:aws(-cn|-us-gov|-iso|-iso-b)?:iam::(?<account>[0-9]{12}):role/([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex("^[A-Za-z0-9+=,.@:/_-]{2,1224}$", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalIdPattern();
}
