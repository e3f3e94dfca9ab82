namespace DrsOrchestrator.Functions.Api.Endpoints.System;

internal sealed record UserProfile(string Sub, string? Email, IReadOnlyList<string> Groups, IReadOnlyList<string> Permissions);
