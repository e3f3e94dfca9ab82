using System.Globalization;
using System.Xml.Linq;
using DrsOrchestrator.Simulator.Model;
using DrsOrchestrator.Simulator.Scenarios;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DrsOrchestrator.Simulator.Http;

/// <summary>
/// The EC2 query-protocol calls the orchestrator makes (Describe* with Filter.N / Id.N lists,
/// MaxResults + NextToken paging, and the launch-template version writes), answered in EC2's XML and
/// its &lt;Response&gt;&lt;Errors&gt; error shape.
/// </summary>
internal static class Ec2Operations
{
    public const string ApiVersion = "2016-11-15";

    private static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private delegate XElement Action(DrsSimulator simulator, CallerIdentity caller, Dictionary<string, StringValues> form);

    private static readonly Dictionary<string, Action> Actions = new(StringComparer.Ordinal)
    {
        ["DescribeSubnets"] = DescribeSubnets,
        ["DescribeSecurityGroups"] = DescribeSecurityGroups,
        ["DescribeInstanceTypes"] = DescribeInstanceTypes,
        ["DescribeLaunchTemplates"] = DescribeLaunchTemplates,
        ["DescribeInstances"] = DescribeInstances,
        ["DescribeLaunchTemplateVersions"] = DescribeLaunchTemplateVersions,
        ["CreateLaunchTemplateVersion"] = CreateLaunchTemplateVersion,
        ["ModifyLaunchTemplate"] = ModifyLaunchTemplate,
        ["DeleteLaunchTemplateVersions"] = DeleteLaunchTemplateVersions,
    };

    public static async Task HandleAsync(HttpContext context, DrsHttpHandler handler, byte[] body, Dictionary<string, StringValues> form)
    {
        var action = form.TryGetValue("Action", out var actionValue) ? actionValue.ToString() : "";
        CallerIdentity? caller = null;
        string? accessKeyId = null;
        try
        {
            caller = handler.Authenticate(context, body, "ec2", out accessKeyId);
            if (!Actions.TryGetValue(action, out var run))
            {
                throw new DrsApiException(400, "InvalidAction", $"The action {action} is not valid for this web service.");
            }

            if (form.TryGetValue("Version", out var version) && version.ToString() != ApiVersion)
            {
                throw new DrsApiException(400, "InvalidParameterValue", $"Unsupported API version '{version}'; the simulator serves {ApiVersion}.");
            }

            if (handler.Simulator.DrawFault(action) is { } fault)
            {
                throw fault;
            }

            var result = run(handler.Simulator, caller, form);
            result.AddFirst(new XElement(Ns + "requestId", Guid.NewGuid().ToString()));
            handler.Simulator.RecordCall(action, caller, accessKeyId, 200, null);
            await WriteXmlAsync(context, 200, result).ConfigureAwait(false);
        }
        catch (DrsApiException error)
        {
            var code = Ec2Code(error);
            handler.Simulator.RecordCall(action.Length == 0 ? "EC2" : action, caller, accessKeyId, StatusOf(error), code);
            await WriteXmlAsync(context, StatusOf(error), new XElement("Response",
                new XElement("Errors", new XElement("Error", new XElement("Code", code), new XElement("Message", error.Message))),
                new XElement("RequestID", Guid.NewGuid().ToString()))).ConfigureAwait(false);
        }
        finally
        {
            handler.Simulator.KickDelivery();
        }
    }

    private static XElement DescribeSubnets(DrsSimulator simulator, CallerIdentity caller, Dictionary<string, StringValues> form)
    {
        var network = simulator.NetworkOf(caller.AccountId, caller.Region);
        var subnets = Select(form, network.Subnets, "SubnetId", s => s.SubnetId, id => NotFound("InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist"));
        subnets = Filter(form, subnets, (s, name) => name switch
        {
            "vpc-id" => [network.VpcId],
            "subnet-id" => [s.SubnetId],
            "availability-zone" => [s.AvailabilityZone],
            "cidr-block" or "cidrBlock" or "cidr" => [s.CidrBlock],
            "state" => ["available"],
            "owner-id" => [caller.AccountId],
            _ => TagFilter(name, NameTags(s.Name)),
        });
        return Page(form, "DescribeSubnetsResponse", "subnetSet", subnets, 5, 1000, s => Item(
            E("subnetId", s.SubnetId),
            E("subnetArn", $"arn:aws:ec2:{caller.Region}:{caller.AccountId}:subnet/{s.SubnetId}"),
            E("state", "available"),
            E("vpcId", network.VpcId),
            E("cidrBlock", s.CidrBlock),
            E("availableIpAddressCount", AvailableAddresses(s.CidrBlock)),
            E("availabilityZone", s.AvailabilityZone),
            E("defaultForAz", "false"),
            E("mapPublicIpOnLaunch", "false"),
            E("ownerId", caller.AccountId),
            TagSet(NameTags(s.Name))));
    }

    private static XElement DescribeSecurityGroups(DrsSimulator simulator, CallerIdentity caller, Dictionary<string, StringValues> form)
    {
        var network = simulator.NetworkOf(caller.AccountId, caller.Region);
        var groups = Select(form, network.SecurityGroups, "GroupId", g => g.GroupId, id => NotFound("InvalidGroup.NotFound", $"The security group '{id}' does not exist"));
        groups = Select(form, groups, "GroupName", g => g.GroupName, name => NotFound("InvalidGroup.NotFound", $"The security group '{name}' does not exist in default VPC '{network.VpcId}'"));
        groups = Filter(form, groups, (g, name) => name switch
        {
            "vpc-id" => [network.VpcId],
            "group-id" => [g.GroupId],
            "group-name" => [g.GroupName],
            "description" => [g.Description],
            "owner-id" => [caller.AccountId],
            _ => TagFilter(name, Empty),
        });
        return Page(form, "DescribeSecurityGroupsResponse", "securityGroupInfo", groups, 5, 1000, g => Item(
            E("ownerId", caller.AccountId),
            E("groupId", g.GroupId),
            E("groupName", g.GroupName),
            E("groupDescription", g.Description),
            E("vpcId", network.VpcId),
            E("securityGroupArn", $"arn:aws:ec2:{caller.Region}:{caller.AccountId}:security-group/{g.GroupId}"),
            new XElement(Ns + "ipPermissions"),
            new XElement(Ns + "ipPermissionsEgress")));
    }

    private static XElement DescribeInstanceTypes(DrsSimulator simulator, CallerIdentity caller, Dictionary<string, StringValues> form)
    {
        var types = Select(form, Engine.Ec2Defaults.InstanceTypes, "InstanceType", t => t.Type, type => new DrsApiException(400, "InvalidInstanceType", $"The following supplied instance types do not exist: [{type}]"));
        types = Filter(form, types, (t, name) => name switch
        {
            "instance-type" => [t.Type],
            "vcpu-info.default-vcpus" => [t.VCpus.ToString(CultureInfo.InvariantCulture)],
            "memory-info.size-in-mib" => [t.MemoryMiB.ToString(CultureInfo.InvariantCulture)],
            "current-generation" => ["true"],
            _ => throw InvalidFilter(name),
        });
        return Page(form, "DescribeInstanceTypesResponse", "instanceTypeSet", types, 5, 100, t => Item(
            E("instanceType", t.Type),
            E("currentGeneration", "true"),
            new XElement(Ns + "vCpuInfo", E("defaultVCpus", t.VCpus.ToString(CultureInfo.InvariantCulture))),
            new XElement(Ns + "memoryInfo", E("sizeInMiB", t.MemoryMiB.ToString(CultureInfo.InvariantCulture)))));
    }

    private static XElement DescribeLaunchTemplates(DrsSimulator simulator, CallerIdentity caller, Dictionary<string, StringValues> form)
    {
        var templates = Select(form, simulator.LaunchTemplatesOf(caller.AccountId, caller.Region), "LaunchTemplateId", t => t.LaunchTemplateId, id => NotFound("InvalidLaunchTemplateId.NotFound", $"The specified launch template, with template ID {id}, does not exist."));
        templates = Filter(form, templates, (t, name) => name switch
        {
            "launch-template-name" => [t.LaunchTemplateName],
            _ => TagFilter(name, Empty),
        });
        return Page(form, "DescribeLaunchTemplatesResponse", "launchTemplates", templates, 1, 200, TemplateXml);
    }

    private static XElement DescribeLaunchTemplateVersions(DrsSimulator simulator, CallerIdentity caller, Dictionary<string, StringValues> form)
    {
        var wanted = Indexed(form, "LaunchTemplateVersion").Select(i => form[$"LaunchTemplateVersion.{i}"].ToString()).ToList();
        var versions = simulator.DescribeLaunchTemplateVersions(caller, Value(form, "LaunchTemplateId"), Value(form, "LaunchTemplateName"), wanted);
        versions = Filter(form, versions, (v, name) => name switch
        {
            "instance-type" => v.Version.Data.InstanceType is { } type ? [type] : [],
            "is-default-version" => [v.Version.VersionNumber == v.Template.DefaultVersionNumber ? "true" : "false"],
            _ => throw InvalidFilter(name),
        });
        return Page(form, "DescribeLaunchTemplateVersionsResponse", "launchTemplateVersionSet", versions, 1, 200, v => VersionXml(v.Template, v.Version, "item"));
    }

    private static XElement CreateLaunchTemplateVersion(DrsSimulator simulator, CallerIdentity caller, Dictionary<string, StringValues> form)
    {
        const string data = "LaunchTemplateData.";
        // NetworkInterface.N.<member>: every N that carries any member is one interface.
        var interfaces = form.Keys
            .Where(k => k.StartsWith(data + "NetworkInterface.", StringComparison.Ordinal))
            .Select(k => k[(data.Length + "NetworkInterface.".Length)..].Split('.')[0])
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
            .Where(i => i > 0)
            .Distinct()
            .Order()
            .Select(i =>
            {
                var prefix = $"{data}NetworkInterface.{i}.";
                return new SimLaunchTemplateNetworkInterface
                {
                    DeviceIndex = Value(form, prefix + "DeviceIndex") is { } index ? ParseInt(index, prefix + "DeviceIndex") : null,
                    SubnetId = Value(form, prefix + "SubnetId"),
                    Groups = [.. Indexed(form, prefix + "SecurityGroupId").Select(g => form[$"{prefix}SecurityGroupId.{g}"].ToString())],
                    AssociatePublicIpAddress = ParseBool(Value(form, prefix + "AssociatePublicIpAddress"), prefix + "AssociatePublicIpAddress"),
                    DeleteOnTermination = ParseBool(Value(form, prefix + "DeleteOnTermination"), prefix + "DeleteOnTermination"),
                    PrivateIpAddress = Value(form, prefix + "PrivateIpAddress"),
                    Description = Value(form, prefix + "Description"),
                };
            })
            .ToList();
        var fingerprint = string.Join("&", form
            .Where(p => p.Key is not ("Action" or "Version" or "ClientToken"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
        var created = simulator.CreateLaunchTemplateVersion(caller, new LaunchTemplateVersionRequest(
            Value(form, "LaunchTemplateId"),
            Value(form, "LaunchTemplateName"),
            Value(form, "SourceVersion"),
            Value(form, "ClientToken"),
            Value(form, "VersionDescription"),
            Value(form, data + "InstanceType"),
            Value(form, data + "IamInstanceProfile.Arn"),
            Value(form, data + "IamInstanceProfile.Name"),
            interfaces.Count == 0 ? null : interfaces,
            fingerprint));
        return new XElement(Ns + "CreateLaunchTemplateVersionResponse",
            VersionXml(created.Template, created.Version, "launchTemplateVersion"),
            created.Warnings.Count == 0 ? null : new XElement(Ns + "warning", new XElement(Ns + "errorSet",
                created.Warnings.Select(w => Item(E("code", w.Code), E("message", w.Message))))));
    }

    private static XElement ModifyLaunchTemplate(DrsSimulator simulator, CallerIdentity caller, Dictionary<string, StringValues> form)
    {
        var template = simulator.ModifyLaunchTemplate(caller, Value(form, "LaunchTemplateId"), Value(form, "LaunchTemplateName"), Value(form, "SetDefaultVersion"));
        var rendered = TemplateXml(template);
        rendered.Name = Ns + "launchTemplate";
        return new XElement(Ns + "ModifyLaunchTemplateResponse", rendered);
    }

    private static XElement DeleteLaunchTemplateVersions(DrsSimulator simulator, CallerIdentity caller, Dictionary<string, StringValues> form)
    {
        var versions = Indexed(form, "LaunchTemplateVersion").Select(n => form[$"LaunchTemplateVersion.{n}"].ToString()).ToList();
        var result = simulator.DeleteLaunchTemplateVersions(caller, Value(form, "LaunchTemplateId"), Value(form, "LaunchTemplateName"), versions);
        var template = result.Template;
        return new XElement(Ns + "DeleteLaunchTemplateVersionsResponse",
            new XElement(Ns + "successfullyDeletedLaunchTemplateVersionSet", result.Deleted.Select(v => Item(
                E("launchTemplateId", template.LaunchTemplateId),
                E("launchTemplateName", template.LaunchTemplateName),
                E("versionNumber", v.ToString(CultureInfo.InvariantCulture))))),
            new XElement(Ns + "unsuccessfullyDeletedLaunchTemplateVersionSet", result.Failed.Select(f => Item(
                E("launchTemplateId", template.LaunchTemplateId),
                E("launchTemplateName", template.LaunchTemplateName),
                long.TryParse(f.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? E("versionNumber", number.ToString(CultureInfo.InvariantCulture)) : null,
                new XElement(Ns + "responseError", E("code", f.Code), E("message", f.Message))))));
    }

    private static XElement TemplateXml(SimLaunchTemplate t) => Item(
        E("launchTemplateId", t.LaunchTemplateId),
        E("launchTemplateName", t.LaunchTemplateName),
        E("createTime", Timestamp(t.CreatedAt)),
        E("createdBy", t.CreatedBy),
        E("defaultVersionNumber", t.DefaultVersionNumber.ToString(CultureInfo.InvariantCulture)),
        E("latestVersionNumber", t.LatestVersionNumber.ToString(CultureInfo.InvariantCulture)));

    private static XElement VersionXml(SimLaunchTemplate template, SimLaunchTemplateVersion version, string elementName)
    {
        var data = version.Data;
        return new XElement(Ns + elementName,
            E("launchTemplateId", template.LaunchTemplateId),
            E("launchTemplateName", template.LaunchTemplateName),
            E("versionNumber", version.VersionNumber.ToString(CultureInfo.InvariantCulture)),
            version.Description is null ? null : E("versionDescription", version.Description),
            E("createTime", Timestamp(version.CreatedAt)),
            E("createdBy", version.CreatedBy),
            E("defaultVersion", version.VersionNumber == template.DefaultVersionNumber ? "true" : "false"),
            new XElement(Ns + "launchTemplateData",
                data.InstanceType is null ? null : E("instanceType", data.InstanceType),
                data.IamInstanceProfileArn is null && data.IamInstanceProfileName is null ? null : new XElement(Ns + "iamInstanceProfile",
                    data.IamInstanceProfileArn is null ? null : E("arn", data.IamInstanceProfileArn),
                    data.IamInstanceProfileName is null ? null : E("name", data.IamInstanceProfileName)),
                data.NetworkInterfaces.Count == 0 ? null : new XElement(Ns + "networkInterfaceSet", data.NetworkInterfaces.Select(n => Item(
                    n.AssociatePublicIpAddress is { } publicIp ? E("associatePublicIpAddress", publicIp ? "true" : "false") : null,
                    n.DeleteOnTermination is { } delete ? E("deleteOnTermination", delete ? "true" : "false") : null,
                    n.Description is null ? null : E("description", n.Description),
                    n.DeviceIndex is { } index ? E("deviceIndex", index.ToString(CultureInfo.InvariantCulture)) : null,
                    // Launch-template group lists name their entries groupId rather than item.
                    new XElement(Ns + "groupSet", n.Groups.Select(g => E("groupId", g))),
                    n.PrivateIpAddress is null ? null : E("privateIpAddress", n.PrivateIpAddress),
                    n.SubnetId is null ? null : E("subnetId", n.SubnetId))))));
    }

    private static string? Value(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var value) && value.ToString().Length > 0 ? value.ToString() : null;

    private static int ParseInt(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DrsApiException(400, "InvalidParameterValue", $"Invalid value '{text}' for {name}.");

    private static bool? ParseBool(string? text, string name) => text switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw new DrsApiException(400, "InvalidParameterValue", $"Invalid value '{text}' for {name}: expected true or false."),
    };

    private static XElement DescribeInstances(DrsSimulator simulator, CallerIdentity caller, Dictionary<string, StringValues> form)
    {
        var instances = Select(form, simulator.Ec2InstancesOf(caller.AccountId, caller.Region), "InstanceId", i => i.InstanceId, id => NotFound("InvalidInstanceID.NotFound", $"The instance ID '{id}' does not exist"));
        instances = Filter(form, instances, (i, name) => name switch
        {
            "instance-id" => [i.InstanceId],
            "instance-state-name" => [i.State],
            "instance-type" => [i.InstanceType],
            "subnet-id" => i.SubnetId is null ? [] : [i.SubnetId],
            "vpc-id" => [i.VpcId],
            "private-ip-address" => i.PrivateIpAddress is null ? [] : [i.PrivateIpAddress],
            _ => TagFilter(name, i.Tags),
        });

        // One reservation per instance, as DRS launches each recovery instance with its own RunInstances call.
        return Page(form, "DescribeInstancesResponse", "reservationSet", instances, 5, 1000, i => Item(
            E("reservationId", "r-" + i.InstanceId[2..]),
            E("ownerId", caller.AccountId),
            new XElement(Ns + "groupSet"),
            new XElement(Ns + "instancesSet", Item(
                E("instanceId", i.InstanceId),
                new XElement(Ns + "instanceState", E("code", StateCode(i.State)), E("name", i.State)),
                E("instanceType", i.InstanceType),
                E("launchTime", Timestamp(i.LaunchTime)),
                new XElement(Ns + "placement", E("availabilityZone", i.AvailabilityZone ?? caller.Region + "a")),
                i.SubnetId is null ? null : E("subnetId", i.SubnetId),
                E("vpcId", i.VpcId),
                i.PrivateIpAddress is null ? null : E("privateIpAddress", i.PrivateIpAddress),
                TagSet(i.Tags)))));
    }

    /// <summary>Keeps the items named by Prefix.1..N (all when none are given); an unknown name is the caller's error, as in EC2.</summary>
    private static IReadOnlyList<T> Select<T>(Dictionary<string, StringValues> form, IReadOnlyList<T> items, string prefix, Func<T, string> key, Func<string, DrsApiException> notFound)
    {
        var wanted = Indexed(form, prefix).Select(i => form[$"{prefix}.{i}"].ToString()).ToList();
        if (wanted.Count == 0)
        {
            return items;
        }

        var missing = wanted.FirstOrDefault(w => !items.Any(item => key(item) == w));
        if (missing is not null)
        {
            throw notFound(missing);
        }

        return [.. items.Where(item => wanted.Contains(key(item)))];
    }

    /// <summary>Filter.N.Name / Filter.N.Value.M: every filter must match, any of its values may.</summary>
    private static IReadOnlyList<T> Filter<T>(Dictionary<string, StringValues> form, IReadOnlyList<T> items, Func<T, string, IReadOnlyList<string>> values)
    {
        foreach (var index in Indexed(form, "Filter", ".Name"))
        {
            var name = form[$"Filter.{index}.Name"].ToString();
            var accepted = Indexed(form, $"Filter.{index}.Value").Select(i => form[$"Filter.{index}.Value.{i}"].ToString()).ToHashSet(StringComparer.Ordinal);
            items = [.. items.Where(item => values(item, name).Any(accepted.Contains))];
        }

        return items;
    }

    private static IReadOnlyList<string> TagFilter(string name, IReadOnlyDictionary<string, string> tags)
    {
        if (name.StartsWith("tag:", StringComparison.Ordinal))
        {
            return tags.TryGetValue(name[4..], out var value) ? [value] : [];
        }

        return name == "tag-key" ? [.. tags.Keys] : throw InvalidFilter(name);
    }

    private static XElement Page<T>(Dictionary<string, StringValues> form, string responseName, string listName, IReadOnlyList<T> items, int minResults, int maxResults, Func<T, XElement> render)
    {
        var start = 0;
        if (form.TryGetValue("NextToken", out var token) && token.ToString().Length > 0)
        {
            var text = token.ToString();
            if (!text.StartsWith("sim-", StringComparison.Ordinal)
                || !int.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out start)
                || start > items.Count)
            {
                throw new DrsApiException(400, "InvalidParameterValue", $"Invalid value '{text}' for NextToken.");
            }
        }

        var count = items.Count - start;
        if (form.TryGetValue("MaxResults", out var maxText))
        {
            if (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < minResults || max > maxResults)
            {
                throw new DrsApiException(400, "InvalidParameterValue", $"Value ( {maxText} ) for parameter maxResults is invalid. Expecting a value between {minResults} and {maxResults}.");
            }

            count = Math.Min(count, max);
        }

        var end = start + count;
        return new XElement(Ns + responseName,
            new XElement(Ns + listName, items.Skip(start).Take(count).Select(render)),
            end < items.Count ? E("nextToken", "sim-" + end.ToString(CultureInfo.InvariantCulture)) : null);
    }

    /// <summary>The N of every Prefix.N[suffix] key, in numeric order.</summary>
    private static IEnumerable<int> Indexed(Dictionary<string, StringValues> form, string prefix, string suffix = "") =>
        form.Keys
            .Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal) && k.EndsWith(suffix, StringComparison.Ordinal))
            .Select(k => k[(prefix.Length + 1)..^suffix.Length])
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
            .Where(i => i > 0)
            .Distinct()
            .Order();

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static IReadOnlyDictionary<string, string> NameTags(string? name) =>
        name is null ? Empty : new Dictionary<string, string> { ["Name"] = name };

    private static XElement E(string name, string value) => new(Ns + name, value);

    private static XElement Item(params object?[] content) => new(Ns + "item", content);

    private static XElement TagSet(IReadOnlyDictionary<string, string> tags) =>
        new(Ns + "tagSet", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => Item(E("key", t.Key), E("value", t.Value))));

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string AvailableAddresses(string cidr) =>
        int.TryParse(cidr.Split('/').ElementAtOrDefault(1), NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && bits is >= 16 and <= 28
            ? ((1 << (32 - bits)) - 5).ToString(CultureInfo.InvariantCulture) // AWS reserves five addresses per subnet.
            : "0";

    private static string StateCode(string state) => state switch
    {
        "pending" => "0",
        "running" => "16",
        "shutting-down" => "32",
        "terminated" => "48",
        "stopping" => "64",
        _ => "80",
    };

    private static DrsApiException NotFound(string code, string message) => new(400, code, message);

    private static DrsApiException InvalidFilter(string name) => new(400, "InvalidParameterValue", $"The filter '{name}' is invalid");

    // EC2 answers throttling with 503 RequestLimitExceeded and refused credentials with AuthFailure.
    private static int StatusOf(DrsApiException error) => error.ErrorType == "ThrottlingException" ? 503 : error.StatusCode;

    private static string Ec2Code(DrsApiException error) => error.ErrorType switch
    {
        "ThrottlingException" => "RequestLimitExceeded",
        "InternalServerException" => "InternalError",
        "MissingAuthenticationTokenException" => "MissingAuthenticationToken",
        "IncompleteSignatureException" => "IncompleteSignature",
        "UnrecognizedClientException" or "InvalidSignatureException" => "AuthFailure",
        "ExpiredTokenException" => "RequestExpired",
        _ => error.ErrorType,
    };

    private static async Task WriteXmlAsync(HttpContext context, int status, XElement root)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml;charset=UTF-8";
        await context.Response.WriteAsync(new XDocument(root).ToString(SaveOptions.DisableFormatting), System.Text.Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }
}
