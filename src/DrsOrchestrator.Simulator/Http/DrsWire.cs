using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Model;

namespace DrsOrchestrator.Simulator.Http;

/// <summary>Renders simulator records in the DRS REST-JSON member names of the official API model.</summary>
internal static class DrsWire
{
    public static JsonObject Job(SimJob job)
    {
        var json = new JsonObject
        {
            ["arn"] = job.Arn,
            ["creationDateTime"] = DrsSimulator.FormatTime(job.CreationDateTime),
            ["initiatedBy"] = job.InitiatedBy,
            ["jobID"] = job.JobId,
            ["participatingServers"] = new JsonArray([.. job.ParticipatingServers.Select(p =>
            {
                var server = new JsonObject { ["launchStatus"] = p.LaunchStatus, ["sourceServerID"] = p.SourceServerId };
                if (p.RecoveryInstanceId is not null)
                {
                    server["recoveryInstanceID"] = p.RecoveryInstanceId;
                }

                return (JsonNode)server;
            })]),
            ["status"] = job.Status,
            ["tags"] = Tags(job.Tags),
            ["type"] = job.Type,
        };
        if (job.EndDateTime is { } end)
        {
            json["endDateTime"] = DrsSimulator.FormatTime(end);
        }

        return json;
    }

    public static JsonObject SourceServer(SimSourceServer server)
    {
        var lifeCycle = new JsonObject
        {
            ["addedToServiceDateTime"] = DrsSimulator.FormatTime(server.AddedToService),
            ["firstByteDateTime"] = DrsSimulator.FormatTime(server.AddedToService + TimeSpan.FromMinutes(5)),
            ["elapsedReplicationDuration"] = "P30D",
        };
        if (server.LastLaunchJobId is not null)
        {
            lifeCycle["lastLaunch"] = new JsonObject
            {
                ["initiated"] = new JsonObject
                {
                    ["apiCallDateTime"] = DrsSimulator.FormatTime(server.LastLaunchInitiated!.Value),
                    ["jobID"] = server.LastLaunchJobId,
                    ["type"] = server.LastLaunchType,
                },
                ["status"] = server.LastLaunchResult,
            };
        }

        var json = new JsonObject
        {
            ["agentVersion"] = "4.5.0",
            ["arn"] = server.Arn,
            ["dataReplicationInfo"] = new JsonObject
            {
                ["dataReplicationState"] = server.ReplicationState,
                ["lagDuration"] = XmlConvert.ToString(server.ReplicationLag),
                ["replicatedDisks"] = new JsonArray([.. server.DiskBytes.Select((bytes, i) => (JsonNode)new JsonObject
                {
                    ["deviceName"] = DeviceName(server.Os, i),
                    ["totalStorageBytes"] = bytes,
                    ["replicatedStorageBytes"] = bytes,
                    ["backloggedStorageBytes"] = 0,
                    ["rescannedStorageBytes"] = 0,
                })]),
                ["stagingAvailabilityZone"] = server.Region + "a",
            },
            ["lastLaunchResult"] = server.LastLaunchResult,
            ["lifeCycle"] = lifeCycle,
            ["replicationDirection"] = "FAILOVER",
            ["sourceCloudProperties"] = new JsonObject(),
            ["sourceProperties"] = new JsonObject
            {
                ["cpus"] = new JsonArray([.. Enumerable.Range(0, 1).Select(_ => (JsonNode)new JsonObject { ["cores"] = server.Cpus, ["modelName"] = "Intel(R) Xeon(R) Platinum 8259CL" })]),
                ["disks"] = new JsonArray([.. server.DiskBytes.Select((bytes, i) => (JsonNode)new JsonObject { ["bytes"] = bytes, ["deviceName"] = DeviceName(server.Os, i) })]),
                ["identificationHints"] = new JsonObject { ["fqdn"] = server.Fqdn, ["hostname"] = server.Hostname },
                ["lastUpdatedDateTime"] = DrsSimulator.FormatTime(server.AddedToService),
                ["networkInterfaces"] = new JsonArray(new JsonObject
                {
                    ["ips"] = new JsonArray([.. server.Ips.Select(ip => (JsonNode)ip)]),
                    ["isPrimary"] = true,
                    ["macAddress"] = server.MacAddress,
                }),
                ["os"] = new JsonObject { ["fullString"] = server.OsFullString },
                ["ramBytes"] = server.RamBytes,
                ["recommendedInstanceType"] = server.RecommendedInstanceType,
                ["supportsNitroInstances"] = true,
            },
            ["sourceServerID"] = server.SourceServerId,
            ["stagingArea"] = new JsonObject { ["stagingAccountID"] = server.AccountId, ["status"] = "NOT_EXTENDED" },
            ["tags"] = Tags(server.Tags),
        };
        if (server.RecoveryInstanceId is not null)
        {
            json["recoveryInstanceId"] = server.RecoveryInstanceId;
        }

        return json;
    }

    public static JsonObject RecoveryInstance(SimRecoveryInstance instance) => new()
    {
        ["arn"] = instance.Arn,
        ["ec2InstanceID"] = instance.Ec2InstanceId,
        ["ec2InstanceState"] = instance.Ec2InstanceState,
        ["isDrill"] = instance.IsDrill,
        ["jobID"] = instance.JobId,
        ["originEnvironment"] = "ON_PREMISES",
        ["pointInTimeSnapshotDateTime"] = DrsSimulator.FormatTime(instance.PointInTimeSnapshotDateTime),
        ["recoveryInstanceID"] = instance.RecoveryInstanceId,
        ["recoveryInstanceProperties"] = new JsonObject { ["lastUpdatedDateTime"] = DrsSimulator.FormatTime(instance.LaunchedAt) },
        ["sourceServerID"] = instance.SourceServerId,
        ["tags"] = Tags(instance.Tags),
    };

    public static JsonObject LaunchConfiguration(SimLaunchConfiguration configuration)
    {
        var json = new JsonObject
        {
            ["copyPrivateIp"] = configuration.CopyPrivateIp,
            ["copyTags"] = configuration.CopyTags,
            ["ec2LaunchTemplateID"] = configuration.Ec2LaunchTemplateId,
            ["launchDisposition"] = configuration.LaunchDisposition,
            ["licensing"] = new JsonObject { ["osByol"] = configuration.OsByol },
            ["name"] = configuration.Name,
            ["postLaunchEnabled"] = configuration.PostLaunchEnabled,
            ["sourceServerID"] = configuration.SourceServerId,
            ["targetInstanceTypeRightSizingMethod"] = configuration.TargetInstanceTypeRightSizingMethod,
        };
        if (configuration.LaunchIntoEc2InstanceId is not null)
        {
            json["launchIntoInstanceProperties"] = new JsonObject { ["launchIntoEC2InstanceID"] = configuration.LaunchIntoEc2InstanceId };
        }

        return json;
    }

    public static JsonObject Snapshot(SimRecoverySnapshot snapshot) => new()
    {
        ["ebsSnapshots"] = new JsonArray([.. snapshot.EbsSnapshots.Select(s => (JsonNode)s)]),
        ["expectedTimestamp"] = DrsSimulator.FormatTime(snapshot.ExpectedTimestamp),
        ["snapshotID"] = snapshot.SnapshotId,
        ["sourceServerID"] = snapshot.SourceServerId,
        ["timestamp"] = DrsSimulator.FormatTime(snapshot.Timestamp),
    };

    public static JsonObject LogItem(SimJobLogItem item)
    {
        var data = new JsonObject();
        if (item.SourceServerId is not null)
        {
            data["sourceServerID"] = item.SourceServerId;
        }

        if (item.ConversionServerId is not null)
        {
            data["conversionServerID"] = item.ConversionServerId;
        }

        if (item.TargetInstanceId is not null)
        {
            data["targetInstanceID"] = item.TargetInstanceId;
        }

        if (item.RawError is not null)
        {
            data["rawError"] = item.RawError;
        }

        return new JsonObject { ["event"] = item.Event, ["eventData"] = data, ["logDateTime"] = DrsSimulator.FormatTime(item.LogDateTime) };
    }

    public static JsonObject Page<T>(SimPage<T> page, Func<T, JsonObject> map)
    {
        var json = new JsonObject { ["items"] = new JsonArray([.. page.Items.Select(i => (JsonNode)map(i))]) };
        if (page.NextToken is not null)
        {
            json["nextToken"] = page.NextToken;
        }

        return json;
    }

    public static JsonObject Tags(IReadOnlyDictionary<string, string> tags)
    {
        var json = new JsonObject();
        foreach (var (key, value) in tags)
        {
            json[key] = value;
        }

        return json;
    }

    public static JsonObject Error(DrsApiException error)
    {
        var json = new JsonObject { ["message"] = error.Message, ["code"] = error.ErrorType };
        foreach (var (name, value) in error.Members)
        {
            json[name] = JsonSerializer.SerializeToNode(value);
        }

        return json;
    }

    // Request readers: a member of the wrong JSON type is a ValidationException, as DRS answers it.
    public static string? String(JsonElement input, string name, bool required = false)
    {
        if (input.ValueKind == JsonValueKind.Object && input.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid(name, "must be a string");
        }

        return required ? throw Invalid(name, "is required") : null;
    }

    public static bool? Bool(JsonElement input, string name)
    {
        if (input.ValueKind == JsonValueKind.Object && input.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Invalid(name, "must be a boolean");
        }

        return null;
    }

    public static int? Int(JsonElement input, string name)
    {
        if (input.ValueKind == JsonValueKind.Object && input.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Invalid(name, "must be an integer");
        }

        return null;
    }

    public static IReadOnlyList<string>? StringList(JsonElement input, string name, bool required = false)
    {
        if (input.ValueKind == JsonValueKind.Object && input.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            {
                throw Invalid(name, "must be a list of strings");
            }

            return [.. value.EnumerateArray().Select(v => v.GetString()!)];
        }

        return required ? throw Invalid(name, "is required") : null;
    }

    public static IReadOnlyDictionary<string, string>? StringMap(JsonElement input, string name, bool required = false)
    {
        if (input.ValueKind == JsonValueKind.Object && input.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            if (value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
            {
                throw Invalid(name, "must be a map of strings");
            }

            return value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        }

        return required ? throw Invalid(name, "is required") : null;
    }

    public static JsonElement Object(JsonElement input, string name)
    {
        if (input.ValueKind == JsonValueKind.Object && input.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value.ValueKind == JsonValueKind.Object ? value : throw Invalid(name, "must be an object");
        }

        return default;
    }

    public static DateTimeOffset? Date(JsonElement input, string name)
    {
        var text = String(input, name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : throw Invalid(name, "must be an ISO 8601 date-time");
    }

    private static DrsApiException Invalid(string name, string message) =>
        DrsErrors.Validation($"{name} {message}", "fieldValidationFailed", (name, message));

    private static string DeviceName(string os, int index) =>
        os == "WINDOWS" ? $"disk{index}" : $"/dev/xvd{(char)('a' + Math.Min(index, 25))}";
}
