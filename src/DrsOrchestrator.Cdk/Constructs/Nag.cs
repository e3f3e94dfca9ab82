using Amazon.CDK;
using Constructs;

namespace DrsOrchestrator.Cdk.Constructs;

/// <summary>
/// Writes cdk-nag suppressions as <c>cdk_nag.rules_to_suppress</c> resource metadata, the form the
/// npm cdk-nag honours when it checks the synthesized templates (tools/cdk-nag/check.mjs).
/// </summary>
internal static class Nag
{
    // Metadata is replaced, not merged, by AddMetadata, so every resource's list is kept here.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CfnResource, List<NagSuppression>> ByResource = [];
    private static readonly Lock Gate = new();

    /// <summary>Suppresses on <paramref name="construct"/> itself if it is a CfnResource, else on its default child.</summary>
    public static void Suppress(IConstruct construct, params NagSuppression[] suppressions)
    {
        ArgumentNullException.ThrowIfNull(construct);
        var resource = construct as CfnResource ?? construct.Node.DefaultChild as CfnResource
            ?? throw new InvalidOperationException($"{construct.Node.Path} has no CloudFormation resource to annotate.");
        Write(resource, suppressions);
    }

    /// <summary>Suppresses on a child by id (e.g. a role's "DefaultPolicy") when that child exists.</summary>
    public static void SuppressChild(IConstruct parent, string childId, params NagSuppression[] suppressions)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (parent.Node.TryFindChild(childId) is IConstruct child)
        {
            Suppress(child, suppressions);
        }
    }

    // cdk-nag matches "regex:/.../" entries as patterns, which is how one finding per table index is covered.
    private static object AppliesTo(string finding) => finding.StartsWith("regex:", StringComparison.Ordinal)
        ? new Dictionary<string, object> { ["regex"] = finding["regex:".Length..] }
        : finding;

    private static void Write(CfnResource resource, NagSuppression[] suppressions)
    {
        foreach (var suppression in suppressions)
        {
            if (string.IsNullOrWhiteSpace(suppression.Reason) || suppression.Reason.Length < 10)
            {
                throw new ArgumentException($"Suppression {suppression.Id} on {resource.Node.Path} needs a real reason.", nameof(suppressions));
            }
        }

        lock (Gate)
        {
            var list = ByResource.GetOrCreateValue(resource);
            list.AddRange(suppressions.Where(s => !list.Contains(s)));
            var rules = list.Select(s =>
            {
                var rule = new Dictionary<string, object> { ["id"] = s.Id, ["reason"] = s.Reason };
                if (s.AppliesTo is { Count: > 0 })
                {
                    rule["applies_to"] = s.AppliesTo.Select(AppliesTo).ToArray();
                }

                return (object)rule;
            }).ToArray();
            resource.AddMetadata("cdk_nag", new Dictionary<string, object> { ["rules_to_suppress"] = rules });
        }
    }
}
