namespace DrsOrchestrator.Cdk.Tests.Fixtures;

/// <summary>Builds the CDK context a deployment would pass with cdk.json or <c>-c key=value</c>.</summary>
internal sealed class CdkContextBuilder
{
    private readonly Dictionary<string, object> context = new(StringComparer.Ordinal)
    {
        ["projectName"] = "drs-orchestrator",
        ["environment"] = "dev",
        ["region"] = "us-east-1",
    };

    public CdkContextBuilder With(string key, object value)
    {
        context[key] = value;
        return this;
    }

    public CdkContextBuilder Without(string key)
    {
        context.Remove(key);
        return this;
    }

    public Dictionary<string, object> Build() => new(context, StringComparer.Ordinal);

    public Func<string, object?> AsLookup()
    {
        var snapshot = Build();
        return key => snapshot.TryGetValue(key, out var value) ? value : null;
    }
}
