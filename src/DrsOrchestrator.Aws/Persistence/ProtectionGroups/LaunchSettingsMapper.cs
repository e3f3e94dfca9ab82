using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Aws.Persistence.ProtectionGroups;

/// <summary>Only set members are written, so "leave DRS's value" (null) survives a round trip.</summary>
internal static class LaunchSettingsMapper
{
    public static Dictionary<string, AttributeValue> ToMap(LaunchSettings settings)
    {
        var map = new Dictionary<string, AttributeValue>();
        map.PutIfNotNull("subnetId", settings.SubnetId);
        if (settings.SecurityGroupIds is not null)
        {
            map["securityGroupIds"] = Attr.Strings(settings.SecurityGroupIds);
        }

        map.PutIfNotNull("instanceType", settings.InstanceType);
        map.PutIfNotNull("rightSizing", settings.RightSizing?.ToString());
        if (settings.CopyPrivateIp is { } copyPrivateIp)
        {
            map["copyPrivateIp"] = Attr.Bool(copyPrivateIp);
        }

        if (settings.CopyTags is { } copyTags)
        {
            map["copyTags"] = Attr.Bool(copyTags);
        }

        map.PutIfNotNull("launchDisposition", settings.LaunchDisposition?.ToString());
        map.PutIfNotNull("licensing", settings.Licensing?.ToString());
        map.PutIfNotNull("instanceProfile", settings.InstanceProfile);
        return map;
    }

    public static LaunchSettings FromMap(Dictionary<string, AttributeValue>? map)
    {
        if (map is null || map.Count == 0)
        {
            return LaunchSettings.Empty;
        }

        return new LaunchSettings
        {
            SubnetId = map.GetSOrNull("subnetId"),
            SecurityGroupIds = map.ContainsKey("securityGroupIds") ? map.GetStrings("securityGroupIds") : null,
            InstanceType = map.GetSOrNull("instanceType"),
            RightSizing = map.GetEnumOrNull<RightSizingMethod>("rightSizing"),
            CopyPrivateIp = map.GetBoolOrNull("copyPrivateIp"),
            CopyTags = map.GetBoolOrNull("copyTags"),
            LaunchDisposition = map.GetEnumOrNull<LaunchDisposition>("launchDisposition"),
            Licensing = map.GetEnumOrNull<LicensingModel>("licensing"),
            InstanceProfile = map.GetSOrNull("instanceProfile"),
        };
    }
}
