using System.Net.Sockets;
using Amazon.CDK.AWS.WAFv2;
using Constructs;

namespace DrsOrchestrator.Cdk.Constructs;

/// <summary>
/// The same protection for the API and the console: AWS managed rule groups, a per-IP rate limit
/// and, when <c>wafAllowedIpRanges</c> is set, a block for everything outside those ranges.
/// </summary>
internal sealed class WebAcl : Construct
{
    private static readonly string[] ManagedGroups =
    [
        "AWSManagedRulesCommonRuleSet",
        "AWSManagedRulesKnownBadInputsRuleSet",
        "AWSManagedRulesAmazonIpReputationList",
    ];

    public WebAcl(Construct scope, string id, WebAclProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var name = props.Config.Name(props.Name);
        var rules = new List<object>();
        var priority = 0;

        var ranges = props.Config.WafAllowedIpRanges;
        if (ranges.Count > 0)
        {
            var statements = new List<object>();
            foreach (var (family, version) in new[] { (AddressFamily.InterNetwork, "IPV4"), (AddressFamily.InterNetworkV6, "IPV6") })
            {
                var addresses = ranges.Where(r => System.Net.IPNetwork.Parse(r).BaseAddress.AddressFamily == family).ToArray();
                if (addresses.Length == 0)
                {
                    continue;
                }

                var set = new CfnIPSet(this, "Allowed" + version, new CfnIPSetProps
                {
                    Name = $"{name}-allowed-{version.ToLowerInvariant()}",
                    Scope = props.Scope,
                    IpAddressVersion = version,
                    Addresses = addresses,
                });
                statements.Add(new CfnWebACL.StatementProperty
                {
                    IpSetReferenceStatement = new CfnWebACL.IPSetReferenceStatementProperty { Arn = set.AttrArn },
                });
            }

            var inAllowedRanges = statements.Count == 1
                ? (CfnWebACL.StatementProperty)statements[0]
                : new CfnWebACL.StatementProperty { OrStatement = new CfnWebACL.OrStatementProperty { Statements = statements.ToArray() } };
            rules.Add(new CfnWebACL.RuleProperty
            {
                Name = "BlockOutsideAllowedRanges",
                Priority = priority++,
                Action = new CfnWebACL.RuleActionProperty { Block = new CfnWebACL.BlockActionProperty() },
                Statement = new CfnWebACL.StatementProperty { NotStatement = new CfnWebACL.NotStatementProperty { Statement = inAllowedRanges } },
                VisibilityConfig = Visibility(name + "-allow-list"),
            });
        }

        rules.Add(new CfnWebACL.RuleProperty
        {
            Name = "RateLimitPerIp",
            Priority = priority++,
            Action = new CfnWebACL.RuleActionProperty { Block = new CfnWebACL.BlockActionProperty() },
            Statement = new CfnWebACL.StatementProperty
            {
                RateBasedStatement = new CfnWebACL.RateBasedStatementProperty { Limit = props.RateLimit, AggregateKeyType = "IP" },
            },
            VisibilityConfig = Visibility(name + "-rate-limit"),
        });

        foreach (var group in ManagedGroups)
        {
            rules.Add(new CfnWebACL.RuleProperty
            {
                Name = group,
                Priority = priority++,
                OverrideAction = new CfnWebACL.OverrideActionProperty { None = new Dictionary<string, object>() },
                Statement = new CfnWebACL.StatementProperty
                {
                    ManagedRuleGroupStatement = new CfnWebACL.ManagedRuleGroupStatementProperty { VendorName = "AWS", Name = group },
                },
                VisibilityConfig = Visibility(name + "-" + group),
            });
        }

        Acl = new CfnWebACL(this, "Acl", new CfnWebACLProps
        {
            Name = name,
            Scope = props.Scope,
            DefaultAction = new CfnWebACL.DefaultActionProperty { Allow = new CfnWebACL.AllowActionProperty() },
            Rules = rules.ToArray(),
            VisibilityConfig = Visibility(name),
        });
    }

    public CfnWebACL Acl { get; }

    public string Arn => Acl.AttrArn;

    private static CfnWebACL.VisibilityConfigProperty Visibility(string metric) => new()
    {
        CloudWatchMetricsEnabled = true,
        SampledRequestsEnabled = true,
        MetricName = metric.Length > 128 ? metric[..128] : metric,
    };
}
