namespace DrsOrchestrator.Simulator.Model;

/// <param name="ClientToken">The idempotency token the version was created with, if any.</param>
/// <param name="RequestFingerprint">What the creating request asked for, to tell a retry from a reused token.</param>
public sealed record SimLaunchTemplateVersion(
    long VersionNumber,
    string? Description,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    SimLaunchTemplateData Data,
    string? ClientToken = null,
    string? RequestFingerprint = null);
