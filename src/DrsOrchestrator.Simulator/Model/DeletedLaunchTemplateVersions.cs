namespace DrsOrchestrator.Simulator.Model;

/// <summary>What DeleteLaunchTemplateVersions answers: EC2 reports each requested version as deleted or not, with a per-version error.</summary>
/// <param name="Failed">LaunchTemplateErrorCode values: launchTemplateVersionDoesNotExist, unexpectedError.</param>
public sealed record DeletedLaunchTemplateVersions(
    SimLaunchTemplate Template,
    IReadOnlyList<long> Deleted,
    IReadOnlyList<(string Version, string Code, string Message)> Failed);
