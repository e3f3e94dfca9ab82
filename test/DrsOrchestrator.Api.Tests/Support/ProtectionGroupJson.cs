namespace DrsOrchestrator.Api.Tests.Support;

/// <summary>Builds protection group request bodies; each call gets unique names and server ids so tests never collide.</summary>
public sealed class ProtectionGroupJson
{
    private string name = "pg-" + Guid.NewGuid().ToString("N")[..10];
    private string accountId = SampleRequests.AccountId;
    private string region = SampleRequests.Region;
    private string[] servers = [NewServerId(), NewServerId()];
    private string launchSettings = """{"instanceType":"m5.large","launchDisposition":"STARTED","copyTags":true}""";

    public static string NewServerId() => "s-" + Guid.NewGuid().ToString("N")[..17];

    public ProtectionGroupJson Named(string value)
    {
        name = value;
        return this;
    }

    public ProtectionGroupJson WithServers(params string[] ids)
    {
        servers = ids;
        return this;
    }

    public ProtectionGroupJson In(string account, string awsRegion)
    {
        accountId = account;
        region = awsRegion;
        return this;
    }

    public string Servers => string.Join(',', servers.Select(s => "\"" + s + "\""));

    public string Create() =>
        $$"""{"name":"{{name}}","description":"web tier","accountId":"{{accountId}}","region":"{{region}}","selection":{"mode":"SOURCE_SERVER_IDS","sourceServerIds":[{{Servers}}]},"launchSettings":{{launchSettings}}}""";

    public string Update(long version) =>
        $$"""{"version":{{version}},"name":"{{name}}","description":"web tier v2","accountId":"{{accountId}}","region":"{{region}}","selection":{"mode":"SOURCE_SERVER_IDS","sourceServerIds":[{{Servers}}]},"launchSettings":{{launchSettings}}}""";
}
