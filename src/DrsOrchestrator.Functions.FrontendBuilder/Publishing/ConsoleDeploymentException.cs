namespace DrsOrchestrator.Functions.FrontendBuilder.Publishing;

/// <summary>The request or the bundle cannot be published as it is; retrying would fail the same way.</summary>
internal sealed class ConsoleDeploymentException(string message) : Exception(message);
