namespace DrsOrchestrator.Domain.ProtectionGroups;

/// <summary>DRS <c>targetInstanceTypeRightSizingMethod</c>: NONE | BASIC | IN_AWS.</summary>
public enum RightSizingMethod
{
    None,
    Basic,
    InAws,
}
