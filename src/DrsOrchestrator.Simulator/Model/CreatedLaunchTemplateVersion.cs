namespace DrsOrchestrator.Simulator.Model;

/// <param name="Warnings">What EC2 would report in the answer's warning errorSet: problems it found but created the version anyway.</param>
public sealed record CreatedLaunchTemplateVersion(SimLaunchTemplate Template, SimLaunchTemplateVersion Version, IReadOnlyList<(string Code, string Message)> Warnings);
