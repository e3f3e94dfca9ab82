using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DrsOrchestrator.Local.Hosting;

namespace DrsOrchestrator.Local.Tests.Support;

/// <summary>
/// One local host for the test assembly's integration tests: the real composition (DynamoDB Local, the
/// simulator, the runner, the API, sign-in, a stand-in console folder) on a free loopback port.
/// </summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    private readonly StringWriter _log = new();

    internal LocalHost Host { get; private set; } = null!;

    public string ConsoleDirectory { get; } = Path.Combine(Path.GetTempPath(), "drs-local-console-" + Guid.NewGuid().ToString("N"));

    public string Log => _log.ToString();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(ConsoleDirectory, "assets"));
        await File.WriteAllTextAsync(Path.Combine(ConsoleDirectory, "index.html"), "<!doctype html><title>console shell</title><div id=\"root\"></div>");
        await File.WriteAllTextAsync(Path.Combine(ConsoleDirectory, "assets", "app-abc123.js"), "console.log('app');");
        Host = await LocalHost.StartAsync(new LocalHostOptions { Port = 0, TimeScale = 600, ConsoleDirectory = ConsoleDirectory }, _log);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(ConsoleDirectory, recursive: true);
    }

    public HttpClient Client(string? idToken = null)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (idToken is not null)
        {
            // Raw, as the console sends it (API Gateway's Cognito authorizer format).
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", idToken);
        }

        return client;
    }

    /// <summary>Signs in as the preset user of <paramref name="group"/> and returns a client that carries the id token.</summary>
    public async Task<HttpClient> SignInAsync(string group)
    {
        using var anonymous = Client();
        var users = await anonymous.GetFromJsonAsync<JsonArray>("/local-auth/users");
        var user = users!.Single(u => u!["groups"]!.AsArray().Any(g => g!.GetValue<string>() == group))!;
        using var response = await anonymous.PostAsJsonAsync("/local-auth/sign-in", new { email = user["email"]!.GetValue<string>(), groups = new[] { group } });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return Client(body!["idToken"]!.GetValue<string>());
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
