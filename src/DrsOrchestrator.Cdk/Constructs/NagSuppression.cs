namespace DrsOrchestrator.Cdk.Constructs;

/// <summary>
/// One accepted cdk-nag finding. <paramref name="AppliesTo"/> narrows an IAM5-style suppression to
/// the listed findings (e.g. <c>Resource::*</c>) so a new wildcard still fails the check; an entry
/// <c>regex:/pattern/g</c> matches findings by pattern.
/// </summary>
internal sealed record NagSuppression(string Id, string Reason, IReadOnlyList<string>? AppliesTo = null);
