using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Aws.Drs;

/// <summary>DRS over its rest-json protocol for one account and region.</summary>
internal sealed class DrsClient(string accountId, AwsWireClient wire) : IDrsClient
{
    private const string JsonContentType = "application/json";

    public string AccountId { get; } = accountId;

    public string Region => wire.Region;

    public async Task<DrsJob> StartRecoveryAsync(DrsStartRecoveryRequest request, CancellationToken cancellationToken)
    {
        var input = new StartRecoveryInput(
            request.SourceServers.Select(s => new StartRecoverySourceServerWire(s.SourceServerId, s.RecoverySnapshotId)).ToList(),
            request.IsDrill,
            request.Tags);
        var output = await InvokeAsync(DrsOperations.StartRecovery, input, DrsJsonContext.Default.StartRecoveryInput, DrsJsonContext.Default.JobOutput, cancellationToken).ConfigureAwait(false);
        return DrsWireMapper.ToJob(output.Job ?? throw new FormatException("StartRecovery returned no job."));
    }

    public async Task<DrsPage<DrsJob>> DescribeJobsAsync(DrsJobQuery query, CancellationToken cancellationToken)
    {
        var filters = query.JobIds is null && query.FromDate is null && query.ToDate is null
            ? null
            : new DescribeJobsFiltersWire(query.JobIds, Format(query.FromDate), Format(query.ToDate));
        var input = new DescribeJobsInput(filters, query.MaxResults, query.NextToken);
        var output = await InvokeAsync(DrsOperations.DescribeJobs, input, DrsJsonContext.Default.DescribeJobsInput, DrsJsonContext.Default.JobsOutput, cancellationToken).ConfigureAwait(false);
        return new DrsPage<DrsJob>((output.Items ?? []).Select(DrsWireMapper.ToJob).ToList(), output.NextToken);
    }

    public async Task<DrsPage<DrsJobLogItem>> DescribeJobLogItemsAsync(string jobId, DrsPageRequest page, CancellationToken cancellationToken)
    {
        var input = new DescribeJobLogItemsInput(jobId, page.MaxResults, page.NextToken);
        var output = await InvokeAsync(DrsOperations.DescribeJobLogItems, input, DrsJsonContext.Default.DescribeJobLogItemsInput, DrsJsonContext.Default.JobLogItemsOutput, cancellationToken).ConfigureAwait(false);
        return new DrsPage<DrsJobLogItem>((output.Items ?? []).Select(DrsWireMapper.ToJobLogItem).ToList(), output.NextToken);
    }

    public async Task<DrsPage<DrsSourceServer>> DescribeSourceServersAsync(DrsSourceServerQuery query, CancellationToken cancellationToken)
    {
        var filters = query.SourceServerIds is null && query.HardwareId is null && query.StagingAccountIds is null
            ? null
            : new DescribeSourceServersFiltersWire(query.SourceServerIds, query.HardwareId, query.StagingAccountIds);
        var input = new DescribeSourceServersInput(filters, query.MaxResults, query.NextToken);
        var output = await InvokeAsync(DrsOperations.DescribeSourceServers, input, DrsJsonContext.Default.DescribeSourceServersInput, DrsJsonContext.Default.SourceServersOutput, cancellationToken).ConfigureAwait(false);
        return new DrsPage<DrsSourceServer>((output.Items ?? []).Select(DrsWireMapper.ToSourceServer).ToList(), output.NextToken);
    }

    public async Task<DrsPage<DrsRecoveryInstance>> DescribeRecoveryInstancesAsync(DrsRecoveryInstanceQuery query, CancellationToken cancellationToken)
    {
        var filters = query.RecoveryInstanceIds is null && query.SourceServerIds is null
            ? null
            : new DescribeRecoveryInstancesFiltersWire(query.RecoveryInstanceIds, query.SourceServerIds);
        var input = new DescribeRecoveryInstancesInput(filters, query.MaxResults, query.NextToken);
        var output = await InvokeAsync(DrsOperations.DescribeRecoveryInstances, input, DrsJsonContext.Default.DescribeRecoveryInstancesInput, DrsJsonContext.Default.RecoveryInstancesOutput, cancellationToken).ConfigureAwait(false);
        return new DrsPage<DrsRecoveryInstance>((output.Items ?? []).Select(DrsWireMapper.ToRecoveryInstance).ToList(), output.NextToken);
    }

    public async Task<DrsJob> TerminateRecoveryInstancesAsync(IReadOnlyList<string> recoveryInstanceIds, CancellationToken cancellationToken)
    {
        var input = new TerminateRecoveryInstancesInput(recoveryInstanceIds);
        var output = await InvokeAsync(DrsOperations.TerminateRecoveryInstances, input, DrsJsonContext.Default.TerminateRecoveryInstancesInput, DrsJsonContext.Default.JobOutput, cancellationToken).ConfigureAwait(false);
        return DrsWireMapper.ToJob(output.Job ?? throw new FormatException("TerminateRecoveryInstances returned no job."));
    }

    public async Task<DrsLaunchConfiguration> GetLaunchConfigurationAsync(string sourceServerId, CancellationToken cancellationToken)
    {
        var input = new GetLaunchConfigurationInput(sourceServerId);
        var output = await InvokeAsync(DrsOperations.GetLaunchConfiguration, input, DrsJsonContext.Default.GetLaunchConfigurationInput, DrsJsonContext.Default.LaunchConfigurationWire, cancellationToken).ConfigureAwait(false);
        return DrsWireMapper.ToLaunchConfiguration(output, sourceServerId);
    }

    public async Task<DrsLaunchConfiguration> UpdateLaunchConfigurationAsync(DrsLaunchConfigurationUpdate update, CancellationToken cancellationToken)
    {
        var input = new UpdateLaunchConfigurationInput(
            update.SourceServerId,
            update.Name,
            update.CopyPrivateIp,
            update.CopyTags,
            update.LaunchDisposition,
            update.TargetInstanceTypeRightSizingMethod,
            update.OsByol is null ? null : new LicensingWire(update.OsByol),
            update.PostLaunchEnabled,
            update.LaunchIntoEc2InstanceId is null ? null : new LaunchIntoInstancePropertiesWire(update.LaunchIntoEc2InstanceId));
        var output = await InvokeAsync(DrsOperations.UpdateLaunchConfiguration, input, DrsJsonContext.Default.UpdateLaunchConfigurationInput, DrsJsonContext.Default.LaunchConfigurationWire, cancellationToken).ConfigureAwait(false);
        return DrsWireMapper.ToLaunchConfiguration(output, update.SourceServerId);
    }

    public async Task<DrsPage<DrsRecoverySnapshot>> DescribeRecoverySnapshotsAsync(DrsRecoverySnapshotQuery query, CancellationToken cancellationToken)
    {
        var filters = query.FromDateTime is null && query.ToDateTime is null
            ? null
            : new DescribeRecoverySnapshotsFiltersWire(Format(query.FromDateTime), Format(query.ToDateTime));
        var order = query.Ascending switch
        {
            true => "ASC",
            false => "DESC",
            null => null,
        };
        var input = new DescribeRecoverySnapshotsInput(query.SourceServerId, filters, order, query.MaxResults, query.NextToken);
        var output = await InvokeAsync(DrsOperations.DescribeRecoverySnapshots, input, DrsJsonContext.Default.DescribeRecoverySnapshotsInput, DrsJsonContext.Default.RecoverySnapshotsOutput, cancellationToken).ConfigureAwait(false);
        return new DrsPage<DrsRecoverySnapshot>((output.Items ?? []).Select(DrsWireMapper.ToRecoverySnapshot).ToList(), output.NextToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken)
    {
        var output = await InvokeAsync<EmptyOutput, TagsOutput>(
            DrsOperations.ListTagsForResource, null, DrsJsonContext.Default.EmptyOutput, DrsJsonContext.Default.TagsOutput, cancellationToken, ArnLabel(resourceArn)).ConfigureAwait(false);
        return output.Tags ?? [];
    }

    public async Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        await InvokeAsync(
            DrsOperations.TagResource, new TagResourceInput(tags), DrsJsonContext.Default.TagResourceInput, DrsJsonContext.Default.EmptyOutput, cancellationToken, ArnLabel(resourceArn)).ConfigureAwait(false);
    }

    public async Task UntagResourceAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken)
    {
        var query = tagKeys.Select(k => new KeyValuePair<string, string>("tagKeys", k)).ToList();
        await InvokeAsync<EmptyOutput, EmptyOutput>(
            DrsOperations.UntagResource, null, DrsJsonContext.Default.EmptyOutput, DrsJsonContext.Default.EmptyOutput, cancellationToken, ArnLabel(resourceArn), query).ConfigureAwait(false);
    }

    private static Dictionary<string, string> ArnLabel(string resourceArn) => new() { ["resourceArn"] = resourceArn };

    private static string? Format(DateTimeOffset? value) => value is { } v ? DrsWireMapper.FormatTime(v) : null;

    private async Task<TOut> InvokeAsync<TIn, TOut>(
        DrsOperation operation,
        TIn? input,
        JsonTypeInfo<TIn> inputType,
        JsonTypeInfo<TOut> outputType,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? pathLabels = null,
        IReadOnlyList<KeyValuePair<string, string>>? query = null)
        where TIn : class
        where TOut : class
    {
        if (operation.OutputType != typeof(TOut))
        {
            throw new InvalidOperationException($"{operation.Name} is declared to answer {operation.OutputType.Name}, not {typeof(TOut).Name}.");
        }

        var body = input is null ? [] : JsonSerializer.SerializeToUtf8Bytes(input, inputType);
        var request = new WireRequest(operation.Name, operation.Method, operation.UriTemplate, body, input is null ? null : JsonContentType, pathLabels, query, Idempotent: operation.Idempotent);
        var response = await wire.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Body.Length == 0)
        {
            return JsonSerializer.Deserialize("{}"u8, outputType)!;
        }

        return JsonSerializer.Deserialize(response.Body, outputType) ?? throw new FormatException($"{operation.Name} returned null.");
    }
}
