namespace DrsOrchestrator.Domain.ProtectionGroups;

/// <summary>DRS <c>licensing.osByol</c>: bring your own licence, or AWS-provided licence-included.</summary>
public enum LicensingModel
{
    Byol,
    LicenseIncluded,
}
