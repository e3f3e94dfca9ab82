namespace DrsOrchestrator.Api.Tests.Support;

/// <summary>An identity the tests call with: a role group, a user in no group, or no token at all.</summary>
public sealed record TestCaller(string Name, IReadOnlyDictionary<string, string>? Claims)
{
    public static TestCaller Anonymous { get; } = new("no-token", null);

    public static TestCaller NoGroup { get; } = WithGroups("no-group");

    public static TestCaller InGroup(string group) => WithGroups(group, group);

    public static TestCaller WithGroups(string name, params string[] groups) => new(name, new Dictionary<string, string>
    {
        ["sub"] = "sub-" + name.ToLowerInvariant(),
        ["email"] = name.ToLowerInvariant() + "@example.test",
        ["cognito:groups"] = string.Join(',', groups),
    });

    public override string ToString() => Name;
}
