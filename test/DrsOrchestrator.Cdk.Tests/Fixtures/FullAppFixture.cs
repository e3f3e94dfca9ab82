namespace DrsOrchestrator.Cdk.Tests.Fixtures;

/// <summary>Full mode in us-east-1 with everything optional switched on (pipeline, e-mails, IP allow-list).</summary>
public sealed class FullAppFixture() : SynthesizedApp(Context)
{
    public const string AdminEmail = "dr-admin@example.com";
    public const string NotificationEmail = "dr-alerts@example.com";

    internal static CdkContextBuilder Context => new CdkContextBuilder()
        .With("adminEmail", AdminEmail)
        .With("notificationEmail", NotificationEmail)
        .With("deployPipeline", true)
        .With("wafAllowedIpRanges", new object[] { "203.0.113.0/24", "2001:db8::/32" });
}
