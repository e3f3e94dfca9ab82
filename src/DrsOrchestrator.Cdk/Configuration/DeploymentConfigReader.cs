using System.Collections;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace DrsOrchestrator.Cdk.Configuration;

/// <summary>Turns CDK context (cdk.json or <c>-c key=value</c>) into a validated <see cref="DeploymentConfig"/>.</summary>
internal static partial class DeploymentConfigReader
{
    public static readonly IReadOnlyList<string> Environments = ["dev", "test", "prod"];

    /// <summary>Reads every key through <paramref name="context"/> and reports all problems at once.</summary>
    public static DeploymentConfig Read(Func<string, object?> context, string? defaultRegion = null, string? defaultAccount = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problems = new List<string>();

        var projectName = Text(context, "projectName") ?? DeploymentConfig.DefaultProjectName;
        if (!ProjectNamePattern().IsMatch(projectName))
        {
            problems.Add($"projectName '{projectName}' must be 3-24 characters of lower-case letters, digits and '-', starting with a letter (it prefixes S3 bucket and IAM role names).");
        }

        var environment = Text(context, "environment") ?? "dev";
        if (!Environments.Contains(environment))
        {
            problems.Add($"environment '{environment}' must be one of {string.Join(", ", Environments)}.");
        }

        var region = Text(context, "region") ?? defaultRegion ?? DeploymentConfig.CloudFrontWafRegion;
        if (!RegionPattern().IsMatch(region))
        {
            problems.Add($"region '{region}' is not an AWS region name.");
        }

        var adminEmail = Email(context, "adminEmail", problems);
        var notificationEmail = Email(context, "notificationEmail", problems);
        var deployFrontend = Flag(context, "deployFrontend", true, problems);
        var deployPipeline = Flag(context, "deployPipeline", false, problems);
        var skipPackaging = Flag(context, "skipPackaging", false, problems);

        var roleArn = Text(context, "externalOrchestrationRoleArn");
        if (roleArn is not null && !RoleArnPattern().IsMatch(roleArn))
        {
            problems.Add($"externalOrchestrationRoleArn '{roleArn}' is not an IAM role ARN.");
        }

        var webAclArn = Text(context, "cloudFrontWebAclArn");
        if (webAclArn is not null && !CloudFrontWebAclPattern().IsMatch(webAclArn))
        {
            problems.Add($"cloudFrontWebAclArn '{webAclArn}' must be a global (CLOUDFRONT scope) WAFv2 web ACL ARN in us-east-1.");
        }

        var ranges = List(context, "wafAllowedIpRanges");
        foreach (var range in ranges.Where(r => !IsCidr(r)))
        {
            problems.Add($"wafAllowedIpRanges entry '{range}' is not a CIDR block such as 203.0.113.0/24.");
        }

        if (environment == "prod" && deployFrontend && region != DeploymentConfig.CloudFrontWafRegion && webAclArn is null)
        {
            problems.Add("prod deployments outside us-east-1 need cloudFrontWebAclArn: deploy the edge WAF stack in us-east-1 first and pass its WebAclArn output (see docs/adr/0101-cloudfront-waf-region.md).");
        }

        var consoleOrigin = Text(context, "consoleOrigin")?.TrimEnd('/');
        if (consoleOrigin is not null && !OriginPattern().IsMatch(consoleOrigin))
        {
            problems.Add($"consoleOrigin '{consoleOrigin}' must be an https origin such as https://dr.example.com (no path).");
        }
        else if (consoleOrigin is null && environment == "prod")
        {
            problems.Add("prod deployments need consoleOrigin (the console's https origin, e.g. the ConsoleUrl output of the first deployment or a custom domain): the API must not allow every origin in prod.");
        }

        var spokeAccounts = List(context, "spokeAccountIds");
        foreach (var account in spokeAccounts.Where(a => !AccountPattern().IsMatch(a)))
        {
            problems.Add($"spokeAccountIds entry '{account}' is not a 12-digit AWS account id.");
        }

        var organizationId = Text(context, "organizationId");
        if (organizationId is not null && !OrganizationPattern().IsMatch(organizationId))
        {
            problems.Add($"organizationId '{organizationId}' is not an AWS Organizations id such as o-a1b2c3d4e5.");
        }

        var branch = Text(context, "pipelineBranch") ?? "main";
        if (!BranchPattern().IsMatch(branch))
        {
            problems.Add($"pipelineBranch '{branch}' is not a valid branch name.");
        }

        if (problems.Count > 0)
        {
            throw new DeploymentConfigException(problems);
        }

        return new DeploymentConfig
        {
            ProjectName = projectName,
            Environment = environment,
            Region = region,
            Account = string.IsNullOrWhiteSpace(defaultAccount) ? null : defaultAccount,
            AdminEmail = adminEmail,
            NotificationEmail = notificationEmail,
            DeployFrontend = deployFrontend,
            DeployPipeline = deployPipeline,
            ExternalOrchestrationRoleArn = roleArn,
            CloudFrontWebAclArn = webAclArn,
            WafAllowedIpRanges = ranges,
            PipelineBranch = branch,
            SkipPackaging = skipPackaging,
            SpokeAccountIds = spokeAccounts.Distinct(StringComparer.Ordinal).ToList(),
            OrganizationId = organizationId,
            ConsoleOrigin = consoleOrigin,
        };
    }

    private static string? Text(Func<string, object?> context, string key)
    {
        var value = context(key);
        var text = value switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string? Email(Func<string, object?> context, string key, List<string> problems)
    {
        var email = Text(context, key);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            problems.Add($"{key} '{email}' is not an e-mail address.");
        }

        return email;
    }

    private static bool Flag(Func<string, object?> context, string key, bool fallback, List<string> problems)
    {
        var text = Text(context, key);
        if (text is null)
        {
            return fallback;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        problems.Add($"{key} '{text}' must be true or false.");
        return fallback;
    }

    // cdk.json gives a JSON array; the command line gives "a,b".
    private static List<string> List(Func<string, object?> context, string key) => context(key) switch
    {
        null => [],
        string s => [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        IEnumerable items => [.. items.Cast<object?>().Select(i => i?.ToString()?.Trim() ?? string.Empty)],
        var other => [other.ToString() ?? string.Empty],
    };

    private static bool IsCidr(string value) => value.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(value, out _);

    [GeneratedRegex("^[a-z][a-z0-9-]{1,22}[a-z0-9]$")]
    private static partial Regex ProjectNamePattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::[0-9]{12}:role/[\w+=,.@/-]{1,512}$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:wafv2:us-east-1:[0-9]{12}:global/webacl/[\w-]+/[\w-]+$")]
    private static partial Regex CloudFrontWebAclPattern();

    [GeneratedRegex(@"^https://[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+(:[0-9]{1,5})?$")]
    private static partial Regex OriginPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^o-[a-z0-9]{10,32}$")]
    private static partial Regex OrganizationPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._/-]{1,100}$")]
    private static partial Regex BranchPattern();
}
