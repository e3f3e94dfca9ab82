namespace DrsOrchestrator.Simulator.Tests.Support;

internal sealed record TestCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    public static TestCredentials Hub(string accountId) => new("AKIASIM" + accountId, "any-secret");
}
