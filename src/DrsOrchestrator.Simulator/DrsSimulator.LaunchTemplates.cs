using System.Globalization;
using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Model;

namespace DrsOrchestrator.Simulator;

/// <summary>
/// EC2 launch templates with versions, per account + region. DRS creates one per source server; the
/// recovery instance launches with the template's default version (its subnet, and its instance type
/// when right-sizing is off). Writes validate what EC2 checks against the account's VPC.
/// </summary>
public sealed partial class DrsSimulator
{
    /// <summary>A launch template by ID, or null when the account + region has none by that ID.</summary>
    public SimLaunchTemplate? LaunchTemplate(string accountId, string region, string launchTemplateId)
    {
        lock (_sync)
        {
            return _regions.TryGetValue((accountId, region), out var state) && state.LaunchTemplates.TryGetValue(launchTemplateId, out var template)
                ? template
                : null;
        }
    }

    /// <summary>The region's launch templates in creation order.</summary>
    public IReadOnlyList<SimLaunchTemplate> LaunchTemplatesOf(string accountId, string region)
    {
        lock (_sync)
        {
            return _regions.TryGetValue((accountId, region), out var state)
                ? [.. state.LaunchTemplateOrder.Select(id => state.LaunchTemplates[id])]
                : [];
        }
    }

    /// <summary>DescribeLaunchTemplateVersions: the named versions ($Default, $Latest, numbers) of one template, or all its versions.</summary>
    public IReadOnlyList<(SimLaunchTemplate Template, SimLaunchTemplateVersion Version)> DescribeLaunchTemplateVersions(
        CallerIdentity caller, string? launchTemplateId, string? launchTemplateName, IReadOnlyList<string> versions)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(versions);
        lock (_sync)
        {
            if (launchTemplateId is null && launchTemplateName is null)
            {
                // Without a template, EC2 describes the named versions of every template in the region.
                IReadOnlyList<SimLaunchTemplate> all = _regions.TryGetValue((caller.AccountId, caller.Region), out var state)
                    ? [.. state.LaunchTemplateOrder.Select(id => state.LaunchTemplates[id])]
                    : [];
                return versions.Count == 0
                    ? [.. all.SelectMany(t => t.Versions.Select(v => (t, v)))]
                    : [.. all.SelectMany(t => versions.Where(v => v.StartsWith('$')).Select(v => (t, ResolveVersion(t, v))))];
            }

            var template = TemplateLocked(caller, launchTemplateId, launchTemplateName);
            return versions.Count == 0
                ? [.. template.Versions.Select(v => (template, v))]
                : [.. versions.Distinct(StringComparer.Ordinal).Select(v => (template, ResolveVersion(template, v)))];
        }
    }

    /// <summary>
    /// CreateLaunchTemplateVersion: copies the source version (or starts empty without one) and replaces
    /// what the request sets. A repeated client token returns the version it created.
    /// </summary>
    public CreatedLaunchTemplateVersion CreateLaunchTemplateVersion(CallerIdentity caller, LaunchTemplateVersionRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!request.SetsData)
        {
            throw new DrsApiException(400, "MissingParameter", "The request must contain the parameter LaunchTemplateData");
        }

        if (request.ClientToken is { Length: > 128 })
        {
            throw new DrsApiException(400, "InvalidParameterValue", "Value for parameter ClientToken is too long; it must be at most 128 characters.");
        }

        var network = NetworkOf(caller.AccountId, caller.Region);
        var profiles = InstanceProfilesOf(caller.AccountId);
        lock (_sync)
        {
            var template = TemplateLocked(caller, request.LaunchTemplateId, request.LaunchTemplateName);

            // EC2 creates a version naming an unknown profile and only warns; launching with it fails later.
            // A replayed token is warned about the same way: the answer repeats the first one.
            var warnings = new List<(string Code, string Message)>();
            var profileArn = request.IamInstanceProfileArn;
            var profileName = request.IamInstanceProfileName;
            if ((profileArn ?? profileName) is { } profile && !profiles.Any(p => p.Arn == profileArn || p.InstanceProfileName == profileName))
            {
                warnings.Add(("InvalidParameterValue", $"Value ({profile}) for parameter iamInstanceProfile is invalid. Invalid IAM Instance Profile {(profileArn is null ? "name" : "ARN")}."));
            }

            // A deleted version's token is forgotten with it, so a retry after a delete creates a new version.
            if (request.ClientToken is { } token && template.Versions.FirstOrDefault(v => v.ClientToken == token) is { } earlier)
            {
                return earlier.RequestFingerprint == request.Fingerprint
                    ? new CreatedLaunchTemplateVersion(template, earlier, warnings)
                    : throw new DrsApiException(400, "IdempotentParameterMismatch", $"The client token {token} was used with different parameters.");
            }

            var source = request.SourceVersion is { } sourceVersion ? ResolveVersion(template, sourceVersion).Data : new SimLaunchTemplateData();
            if (request.InstanceType is { } type && !Ec2Defaults.InstanceTypes.Any(t => t.Type == type))
            {
                throw new DrsApiException(400, "InvalidParameterValue", $"Invalid value '{type}' for InstanceType.");
            }

            foreach (var nic in request.NetworkInterfaces ?? [])
            {
                if (nic.SubnetId is { } subnetId && !network.Subnets.Any(s => s.SubnetId == subnetId))
                {
                    throw new DrsApiException(400, "InvalidSubnetID.NotFound", $"The subnet ID '{subnetId}' does not exist");
                }

                if (nic.Groups.FirstOrDefault(g => !network.SecurityGroups.Any(sg => sg.GroupId == g)) is { } missingGroup)
                {
                    throw new DrsApiException(400, "InvalidGroup.NotFound", $"The security group '{missingGroup}' does not exist");
                }
            }

            var data = source with
            {
                InstanceType = request.InstanceType ?? source.InstanceType,
                IamInstanceProfileArn = profileArn is null && profileName is null ? source.IamInstanceProfileArn : profileArn,
                IamInstanceProfileName = profileArn is null && profileName is null ? source.IamInstanceProfileName : profileName,
                NetworkInterfaces = request.NetworkInterfaces ?? source.NetworkInterfaces,
            };
            var version = new SimLaunchTemplateVersion(
                template.NextVersionNumber,
                request.VersionDescription,
                Clock.GetUtcNow(),
                CreatorArn(caller),
                data,
                request.ClientToken,
                request.Fingerprint);
            var updated = template with { Versions = [.. template.Versions, version], HighestVersionNumberIssued = version.VersionNumber };
            StoreTemplateLocked(caller, updated);
            return new CreatedLaunchTemplateVersion(updated, version, warnings);
        }
    }

    /// <summary>
    /// DeleteLaunchTemplateVersions: removes the named versions (numbers only). As EC2 does, the call
    /// succeeds as a whole and reports each version it could not delete: one that does not exist, or the
    /// default version, which only goes with the template.
    /// </summary>
    public DeletedLaunchTemplateVersions DeleteLaunchTemplateVersions(CallerIdentity caller, string? launchTemplateId, string? launchTemplateName, IReadOnlyList<string> versions)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 0)
        {
            throw new DrsApiException(400, "MissingParameter", "The request must contain the parameter LaunchTemplateVersion");
        }

        if (versions.Count > 200)
        {
            throw new DrsApiException(400, "InvalidParameterValue", "You can delete at most 200 launch template versions in one request.");
        }

        lock (_sync)
        {
            var template = TemplateLocked(caller, launchTemplateId, launchTemplateName);
            var deleted = new List<long>();
            var failed = new List<(string Version, string Code, string Message)>();
            var remaining = template.Versions.ToList();
            foreach (var requested in versions.Distinct(StringComparer.Ordinal))
            {
                var existing = long.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? remaining.FirstOrDefault(v => v.VersionNumber == number)
                    : null;
                if (existing is null)
                {
                    failed.Add((requested, "launchTemplateVersionDoesNotExist", $"The specified launch template version {requested} does not exist."));
                }
                else if (existing.VersionNumber == template.DefaultVersionNumber)
                {
                    failed.Add((requested, "unexpectedError", "Cannot delete the default version of a launch template; make another version the default first."));
                }
                else
                {
                    remaining.Remove(existing);
                    deleted.Add(existing.VersionNumber);
                }
            }

            var updated = template with { Versions = remaining, HighestVersionNumberIssued = template.NextVersionNumber - 1 };
            StoreTemplateLocked(caller, updated);
            return new DeletedLaunchTemplateVersions(updated, deleted, failed);
        }
    }

    /// <summary>ModifyLaunchTemplate: sets the default version (a number or $Latest).</summary>
    public SimLaunchTemplate ModifyLaunchTemplate(CallerIdentity caller, string? launchTemplateId, string? launchTemplateName, string? defaultVersion)
    {
        ArgumentNullException.ThrowIfNull(caller);
        lock (_sync)
        {
            var template = TemplateLocked(caller, launchTemplateId, launchTemplateName);
            if (defaultVersion is null)
            {
                return template;
            }

            if (defaultVersion == "$Default")
            {
                throw new DrsApiException(400, "InvalidParameterValue", "SetDefaultVersion must be a version number or $Latest.");
            }

            var updated = template with { DefaultVersionNumber = ResolveVersion(template, defaultVersion).VersionNumber };
            StoreTemplateLocked(caller, updated);
            return updated;
        }
    }

    /// <summary>The template DRS creates with a source server: version 1 on one of the VPC's subnets, the recommended size.</summary>
    private void AddLaunchTemplateLocked(RegionState state, SimSourceServer server)
    {
        var network = NetworkOfLocked(state.AccountId, state.Region);
        var subnet = network.Subnets.Count == 0 ? null : network.Subnets[Ec2Defaults.Pick(server.SourceServerId, network.Subnets.Count)];
        var createdBy = $"arn:aws:sts::{state.AccountId}:assumed-role/AWSElasticDisasterRecoveryReplicationServerRole/drs";
        var template = new SimLaunchTemplate
        {
            LaunchTemplateId = server.LaunchConfiguration.Ec2LaunchTemplateId,
            LaunchTemplateName = "drs-launch-template-" + server.SourceServerId,
            CreatedAt = server.AddedToService,
            CreatedBy = createdBy,
            DefaultVersionNumber = 1,
            Versions =
            [
                new SimLaunchTemplateVersion(1, "Created by AWS Elastic Disaster Recovery", server.AddedToService, createdBy, new SimLaunchTemplateData
                {
                    InstanceType = server.RecommendedInstanceType,
                    NetworkInterfaces = subnet is null ? [] : [new SimLaunchTemplateNetworkInterface { DeviceIndex = 0, SubnetId = subnet.SubnetId, DeleteOnTermination = true }],
                }),
            ],
        };
        if (state.LaunchTemplates.TryAdd(template.LaunchTemplateId, template))
        {
            state.LaunchTemplateOrder.Add(template.LaunchTemplateId);
        }
    }

    /// <summary>What a launch takes from the source server's launch template: its default version's subnet and, without right-sizing, its instance type.</summary>
    private static (string? InstanceType, string? SubnetId) LaunchTargetLocked(RegionState region, SimSourceServer server)
    {
        if (!region.LaunchTemplates.TryGetValue(server.LaunchConfiguration.Ec2LaunchTemplateId, out var template))
        {
            return (null, null);
        }

        var data = template.DefaultVersion.Data;
        var type = server.LaunchConfiguration.TargetInstanceTypeRightSizingMethod == "NONE" ? data.InstanceType : null;
        return (type, data.PrimarySubnetId);
    }

    private SimLaunchTemplate TemplateLocked(CallerIdentity caller, string? launchTemplateId, string? launchTemplateName)
    {
        if (launchTemplateId is null && launchTemplateName is null)
        {
            throw new DrsApiException(400, "MissingParameter", "The request must contain the parameter LaunchTemplateName or LaunchTemplateId");
        }

        if (launchTemplateId is not null && launchTemplateName is not null)
        {
            throw new DrsApiException(400, "InvalidParameterCombination", "Specify either LaunchTemplateId or LaunchTemplateName, not both.");
        }

        _regions.TryGetValue((caller.AccountId, caller.Region), out var state);
        if (launchTemplateId is not null)
        {
            if (!launchTemplateId.StartsWith("lt-", StringComparison.Ordinal) || launchTemplateId.Length < 4 || !launchTemplateId.Skip(3).All(char.IsAsciiHexDigitLower))
            {
                throw new DrsApiException(400, "InvalidLaunchTemplateId.Malformed", $"The specified ID for the launch template ({launchTemplateId}) is malformed.");
            }

            return state is not null && state.LaunchTemplates.TryGetValue(launchTemplateId, out var byId)
                ? byId
                : throw new DrsApiException(400, "InvalidLaunchTemplateId.NotFound", $"The specified launch template, with template ID {launchTemplateId}, does not exist.");
        }

        return state?.LaunchTemplateOrder.Select(id => state.LaunchTemplates[id]).FirstOrDefault(t => t.LaunchTemplateName == launchTemplateName)
            ?? throw new DrsApiException(400, "InvalidLaunchTemplateName.NotFoundException", $"The specified launch template, with template name {launchTemplateName}, does not exist.");
    }

    private static SimLaunchTemplateVersion ResolveVersion(SimLaunchTemplate template, string version)
    {
        switch (version)
        {
            case "$Default":
                return template.DefaultVersion;
            case "$Latest":
                return template.Versions[^1];
        }

        if (!long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new DrsApiException(400, "InvalidParameterValue", $"Invalid launch template version '{version}': expected a number, $Latest or $Default.");
        }

        return template.Versions.FirstOrDefault(v => v.VersionNumber == number)
            ?? throw new DrsApiException(400, "InvalidLaunchTemplateId.VersionNotFound", $"Could not find launch template version {version} for launch template {template.LaunchTemplateId}.");
    }

    private void StoreTemplateLocked(CallerIdentity caller, SimLaunchTemplate template) =>
        _regions[(caller.AccountId, caller.Region)].LaunchTemplates[template.LaunchTemplateId] = template;

    private static string CreatorArn(CallerIdentity caller) =>
        caller.IsSession ? $"arn:aws:sts::{caller.AccountId}:assumed-role/simulated/session" : $"arn:aws:iam::{caller.AccountId}:user/simulated";
}
