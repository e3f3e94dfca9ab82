using DrsOrchestrator.Domain.Executions;

namespace DrsOrchestrator.Domain.Security;

/// <summary>
/// Who is calling, from the Cognito id token's claims (sub, email, cognito:groups). Permissions are
/// always derived from the groups by <see cref="RolePermissions.For"/>, never taken from the caller.
/// </summary>
public sealed record CallerIdentity
{
    private CallerIdentity(string sub, string? email, IReadOnlyList<string> groups, IReadOnlySet<Permission> permissions)
    {
        Sub = sub;
        Email = email;
        Groups = groups;
        Permissions = permissions;
    }

    public string Sub { get; }

    public string? Email { get; }

    public IReadOnlyList<string> Groups { get; }

    public IReadOnlySet<Permission> Permissions { get; }

    /// <summary>What audit trails and created-by stamps show: the e-mail when known, else the subject.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Email) ? Sub : Email;

    public static CallerIdentity FromClaims(string sub, string? email, IEnumerable<string>? groups)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sub);
        var list = (groups ?? []).Where(g => !string.IsNullOrWhiteSpace(g)).Distinct(StringComparer.Ordinal).ToArray();
        return new CallerIdentity(sub, email, list, RolePermissions.For(list));
    }

    public bool Has(Permission permission) => Permissions.Contains(permission);

    /// <summary>ExecuteRecovery covers drills too; ExecuteDrill covers drills only.</summary>
    public bool CanExecute(ExecutionType type) => type switch
    {
        ExecutionType.Drill => Has(Permission.ExecuteDrill) || Has(Permission.ExecuteRecovery),
        ExecutionType.Recovery => Has(Permission.ExecuteRecovery),
        _ => false,
    };
}
