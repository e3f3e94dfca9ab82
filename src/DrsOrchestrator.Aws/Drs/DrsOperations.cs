namespace DrsOrchestrator.Aws.Drs;

/// <summary>Every DRS operation the client calls; the client refuses to call one with a different output type, so this list stays true.</summary>
internal static class DrsOperations
{
    public static readonly DrsOperation StartRecovery = new("StartRecovery", HttpMethod.Post, "/StartRecovery", typeof(JobOutput), Idempotent: false);
    public static readonly DrsOperation DescribeJobs = new("DescribeJobs", HttpMethod.Post, "/DescribeJobs", typeof(JobsOutput));
    public static readonly DrsOperation DescribeJobLogItems = new("DescribeJobLogItems", HttpMethod.Post, "/DescribeJobLogItems", typeof(JobLogItemsOutput));
    public static readonly DrsOperation DescribeSourceServers = new("DescribeSourceServers", HttpMethod.Post, "/DescribeSourceServers", typeof(SourceServersOutput));
    public static readonly DrsOperation DescribeRecoveryInstances = new("DescribeRecoveryInstances", HttpMethod.Post, "/DescribeRecoveryInstances", typeof(RecoveryInstancesOutput));
    public static readonly DrsOperation TerminateRecoveryInstances = new("TerminateRecoveryInstances", HttpMethod.Post, "/TerminateRecoveryInstances", typeof(JobOutput), Idempotent: false);
    public static readonly DrsOperation GetLaunchConfiguration = new("GetLaunchConfiguration", HttpMethod.Post, "/GetLaunchConfiguration", typeof(LaunchConfigurationWire));
    public static readonly DrsOperation UpdateLaunchConfiguration = new("UpdateLaunchConfiguration", HttpMethod.Post, "/UpdateLaunchConfiguration", typeof(LaunchConfigurationWire));
    public static readonly DrsOperation DescribeRecoverySnapshots = new("DescribeRecoverySnapshots", HttpMethod.Post, "/DescribeRecoverySnapshots", typeof(RecoverySnapshotsOutput));
    public static readonly DrsOperation ListTagsForResource = new("ListTagsForResource", HttpMethod.Get, "/tags/{resourceArn}", typeof(TagsOutput));
    public static readonly DrsOperation TagResource = new("TagResource", HttpMethod.Post, "/tags/{resourceArn}", typeof(EmptyOutput));
    public static readonly DrsOperation UntagResource = new("UntagResource", HttpMethod.Delete, "/tags/{resourceArn}", typeof(EmptyOutput));

    public static IReadOnlyList<DrsOperation> All { get; } =
    [
        StartRecovery, DescribeJobs, DescribeJobLogItems, DescribeSourceServers, DescribeRecoveryInstances,
        TerminateRecoveryInstances, GetLaunchConfiguration, UpdateLaunchConfiguration, DescribeRecoverySnapshots,
        ListTagsForResource, TagResource, UntagResource,
    ];
}
