namespace DrsOrchestrator.Cdk.Configuration;

/// <summary>
/// CDK feature flags the app relies on. Program passes them to <c>new App</c> (so tests, the
/// benchmark and the CLI agree) and cdk.json repeats them for readers.
/// </summary>
internal static class CdkFeatureFlags
{
    public static IDictionary<string, object> All { get; } = new Dictionary<string, object>
    {
        // Access-log buckets are granted by bucket policy, so they can keep ACLs disabled.
        ["@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy"] = true,
        // Merges statements, keeping each role's policy well under IAM's size limit.
        ["@aws-cdk/aws-iam:minimizePolicies"] = true,
    };
}
