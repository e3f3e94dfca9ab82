using Amazon.CDK;
using Constructs;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Constructs;

namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>
/// The console's CLOUDFRONT-scope web ACL for hubs outside us-east-1 (CloudFront reads ACLs only from
/// there). Deployed first; its WebAclArn output is passed to the hub as <c>cloudFrontWebAclArn</c>.
/// </summary>
internal sealed class EdgeWafStack : Stack
{
    public EdgeWafStack(Construct scope, string id, DeploymentConfig config, IStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(config);
        TemplateOptions.Description = "DRS Orchestrator edge WAF (us-east-1) for the console distribution.";
        WebAcl = new WebAcl(this, "CloudFrontWaf", new WebAclProps { Config = config, Name = "cloudfront-waf", Scope = "CLOUDFRONT" });
        new CfnOutput(this, "WebAclArn", new CfnOutputProps { Value = WebAcl.Arn, Description = "Pass as -c cloudFrontWebAclArn=<value> to the hub." });
    }

    public WebAcl WebAcl { get; }
}
