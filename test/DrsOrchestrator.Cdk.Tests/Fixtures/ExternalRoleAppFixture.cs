namespace DrsOrchestrator.Cdk.Tests.Fixtures;

/// <summary>External orchestration role, prod, console hosted from eu-west-1 with an edge web ACL.</summary>
public sealed class ExternalRoleAppFixture() : SynthesizedApp(new CdkContextBuilder()
    .With("environment", "prod")
    .With("region", "eu-west-1")
    .With("externalOrchestrationRoleArn", RoleArn)
    .With("cloudFrontWebAclArn", WebAclArn))
{
    // Documentation-range style placeholders, not real accounts.
    public const string RoleArn = "arn:aws:iam::111122223333:role/customer-managed-drs-orchestration";
    public const string WebAclArn = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/drs-console/0123abcd-0123-4567-89ab-0123456789ab";
}
