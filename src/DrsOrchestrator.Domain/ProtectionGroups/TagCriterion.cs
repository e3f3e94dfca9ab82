namespace DrsOrchestrator.Domain.ProtectionGroups;

/// <summary>One <c>key=value</c> condition; a server matches a selection when it carries every criterion exactly.</summary>
public sealed record TagCriterion(string Key, string Value);
