using System.Globalization;
using System.Xml;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Aws.Drs;

/// <summary>Wire shapes to the port's records; DRS sends timestamps as ISO-8601 strings and lag as an ISO-8601 duration.</summary>
internal static class DrsWireMapper
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    public static DrsJob ToJob(JobWire job) => new(
        job.JobId ?? throw new FormatException("DRS returned a job without jobID."),
        job.Arn,
        job.Type,
        job.Status,
        job.InitiatedBy,
        ParseTime(job.CreationDateTime),
        ParseTime(job.EndDateTime),
        (job.ParticipatingServers ?? []).Where(p => p.SourceServerId is not null)
            .Select(p => new DrsParticipatingServer(p.SourceServerId!, p.LaunchStatus, p.RecoveryInstanceId)).ToList(),
        job.Tags ?? NoTags);

    public static DrsJobLogItem ToJobLogItem(JobLogItemWire item) => new(
        item.Event,
        item.EventData is { } data ? new DrsJobLogEventData(data.SourceServerId, data.ConversionServerId, data.TargetInstanceId, data.RawError) : null,
        ParseTime(item.LogDateTime));

    public static DrsSourceServer ToSourceServer(SourceServerWire server)
    {
        var properties = server.SourceProperties;
        var interfaces = properties?.NetworkInterfaces ?? [];
        var ips = interfaces.OrderByDescending(n => n.IsPrimary == true).SelectMany(n => n.Ips ?? []).Distinct().ToList();
        return new DrsSourceServer(
            server.SourceServerId ?? throw new FormatException("DRS returned a source server without sourceServerID."),
            server.Arn,
            properties?.IdentificationHints?.Hostname ?? properties?.IdentificationHints?.Fqdn,
            ips,
            properties?.Os?.FullString,
            server.Tags ?? NoTags,
            server.DataReplicationInfo?.DataReplicationState,
            ParseDuration(server.DataReplicationInfo?.LagDuration),
            server.LastLaunchResult,
            server.RecoveryInstanceId,
            server.StagingArea?.StagingAccountId,
            properties?.RecommendedInstanceType);
    }

    public static DrsRecoveryInstance ToRecoveryInstance(RecoveryInstanceWire instance) => new(
        instance.RecoveryInstanceId ?? throw new FormatException("DRS returned a recovery instance without recoveryInstanceID."),
        instance.Arn,
        instance.Ec2InstanceId,
        instance.Ec2InstanceState,
        instance.SourceServerId,
        instance.JobId,
        instance.IsDrill ?? false,
        ParseTime(instance.PointInTimeSnapshotDateTime),
        instance.Tags ?? NoTags);

    public static DrsLaunchConfiguration ToLaunchConfiguration(LaunchConfigurationWire configuration, string requestedSourceServerId) => new(
        configuration.SourceServerId ?? requestedSourceServerId,
        configuration.Name,
        configuration.Ec2LaunchTemplateId,
        configuration.CopyPrivateIp,
        configuration.CopyTags,
        configuration.LaunchDisposition,
        configuration.TargetInstanceTypeRightSizingMethod,
        configuration.Licensing?.OsByol,
        configuration.PostLaunchEnabled,
        configuration.LaunchIntoInstanceProperties?.LaunchIntoEc2InstanceId);

    public static DrsRecoverySnapshot ToRecoverySnapshot(RecoverySnapshotWire snapshot) => new(
        snapshot.SnapshotId ?? throw new FormatException("DRS returned a recovery snapshot without snapshotID."),
        snapshot.SourceServerId ?? string.Empty,
        ParseTime(snapshot.ExpectedTimestamp),
        ParseTime(snapshot.Timestamp),
        snapshot.EbsSnapshots ?? []);

    public static string FormatTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;

    private static TimeSpan? ParseDuration(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            return XmlConvert.ToTimeSpan(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
