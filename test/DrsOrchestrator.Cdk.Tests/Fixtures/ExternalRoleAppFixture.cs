namespace DrsOrchestrator.Cdk.Tests.Fixtures;

/// <summary>External orchestration role, prod, console hosted from eu-west-1 with an edge web ACL, spokes by account and organisation.</summary>
public sealed class ExternalRoleAppFixture() : SynthesizedApp(new CdkContextBuilder()
    .With("environment", "prod")
    .With("region", "eu-west-1")
    .With("externalOrchestrationRoleArn", RoleArn)
    .With("cloudFrontWebAclArn", WebAclArn)
    .With("organizationId", OrganizationId)
    .With("spokeAccountIds", SpokeAccountIds)
    .With("consoleOrigin", ConsoleOrigin))
{
    // Documentation-range style placeholders, not real accounts.
    public const string RoleArn = "arn:aws:iam::111122223333:role/customer-managed-drs-orchestration";
    public const string ConsoleOrigin = "https://dr.example.com";
    public const string OrganizationId = "o-a1b2c3d4e5";
    public static readonly string[] SpokeAccountIds = ["111122223333", "444455556666"];
    public const string WebAclArn = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/drs-console/0123abcd-0123-4567-89ab-0123456789ab";
}
