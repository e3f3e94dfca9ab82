namespace DrsOrchestrator.Local.Auth;

/// <summary>Body of POST /local-auth/sign-in.</summary>
internal sealed record LocalSignInRequest(string? Email, IReadOnlyList<string>? Groups);
