namespace DrsOrchestrator.Application.Orchestration;

/// <summary>A server whose launch settings could not be applied; <see cref="Cause"/> becomes its failure reason.</summary>
internal sealed record LaunchSettingsFailure(string SourceServerId, string Cause);
