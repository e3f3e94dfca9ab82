namespace DrsOrchestrator.Local.Auth;

/// <summary>A signed id token and when it stops being accepted.</summary>
internal sealed record LocalIdToken(string IdToken, DateTimeOffset ExpiresAt);
