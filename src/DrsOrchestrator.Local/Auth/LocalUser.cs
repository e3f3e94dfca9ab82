namespace DrsOrchestrator.Local.Auth;

/// <summary>A preset identity offered on the local sign-in page (shape the console expects from GET /local-auth/users).</summary>
internal sealed record LocalUser(string Email, string DisplayName, IReadOnlyList<string> Groups);
