using System.Reflection;
using System.Text.Json.Nodes;
using DrsOrchestrator.Cdk.Packaging;
using DrsOrchestrator.Cdk.Stacks;
using DrsOrchestrator.Cdk.Tests.Fixtures;
using DrsOrchestrator.Functions.Api.Hosting;
using DrsOrchestrator.Functions.Orchestration.Hosting;

namespace DrsOrchestrator.Cdk.Tests.Stacks;

/// <summary>
/// Each function's real settings parser, fed the environment the template gives it (intrinsics replaced
/// by plausible deploy-time values): a variable the stack forgets fails here, not at the first cold start.
/// </summary>
[Collection(SynthesizedAppsCollection.Name)]
public sealed class FunctionSettingsTests(FullAppFixture full, ApiOnlyAppFixture apiOnly, ExternalRoleAppFixture external)
{
    // Lambda sets these itself; CloudFormation refuses a function that sets a reserved one.
    private static readonly Dictionary<string, string> LambdaProvided = new(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = IntrinsicResolver.Region,
        ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2025/01/01/[$LATEST]0123456789abcdef",
    };

    public static TheoryData<string> Apps => ["full", "api-only", "external-role"];

    [Theory]
    [MemberData(nameof(Apps))]
    public void Environment_EveryFunction_AcceptedByItsSettingsParser(string app)
    {
        // Arrange
        var functions = Functions(app);

        // Act
        var failures = functions
            .Select(f => (f.Handler, Error: Parse(f.Handler, Lookup(f.Variables))))
            .Where(r => r.Error is not null)
            .Select(r => $"{r.Handler}: {r.Error}")
            .ToList();

        // Assert
        Assert.NotEmpty(functions);
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Environment_EveryFunction_SetsNoReservedVariable(string app)
    {
        // Arrange
        var functions = Functions(app);

        // Act
        var reserved = functions.SelectMany(f => f.Variables.Keys.Where(LambdaProvided.ContainsKey).Select(k => $"{f.Handler}: {k}")).ToList();

        // Assert
        Assert.Empty(reserved);
    }

    [Fact]
    public void Environment_ApiFunction_HubAccountIsTheStacksAccount()
    {
        // Arrange
        var api = Functions("full").Single(f => f.Handler == LambdaProject.Api.Handler);

        // Act
        var settings = ApiSettings.FromEnvironment(Lookup(api.Variables));

        // Assert
        Assert.Equal(IntrinsicResolver.Account, settings.HubAccountId);
        Assert.Equal("*", settings.AllowedOrigin);
    }

    [Fact]
    public void Environment_ProdApiFunction_AllowsOnlyTheConsoleOrigin()
    {
        // Arrange
        var api = Functions("external-role").Single(f => f.Handler == LambdaProject.Api.Handler);

        // Act
        var settings = ApiSettings.FromEnvironment(Lookup(api.Variables));

        // Assert
        Assert.Equal(ExternalRoleAppFixture.ConsoleOrigin, settings.AllowedOrigin);
    }

    [Fact]
    public void Parse_ApiFunctionWithoutCorsOrigin_IsRejected()
    {
        // Arrange: proves the check above can fail, with the very environment the template sets.
        var api = Functions("full").Single(f => f.Handler == LambdaProject.Api.Handler);
        var variables = api.Variables.Where(v => v.Key != FunctionEnvironment.CorsAllowedOrigin).ToDictionary();

        // Act
        var error = Parse(api.Handler, Lookup(variables));

        // Assert
        Assert.Contains("CORS_ALLOWED_ORIGIN", error, StringComparison.Ordinal);
    }

    private List<(string Handler, Dictionary<string, string> Variables)> Functions(string app)
    {
        SynthesizedApp synthesized = app switch
        {
            "full" => full,
            "api-only" => apiOnly,
            "external-role" => external,
            _ => throw new ArgumentOutOfRangeException(nameof(app)),
        };
        var json = synthesized.JsonOf(synthesized.Stacks.Hub.Lambda);
        return json.Resources("AWS::Lambda::Function")
            .Select(f => f.Resource.Props())
            .Select(p => (p["Handler"].Str(), Variables(p)))
            .ToList();
    }

    private static Dictionary<string, string> Variables(JsonObject function) =>
        (function["Environment"]?["Variables"]?.AsObject() ?? [])
            .ToDictionary(v => v.Key, v => IntrinsicResolver.Resolve(v.Value), StringComparer.Ordinal);

    private static Func<string, string?> Lookup(IReadOnlyDictionary<string, string> variables) =>
        name => variables.TryGetValue(name, out var value) ? value : LambdaProvided.GetValueOrDefault(name);

    /// <returns>Null when the parser accepts the environment, else its message.</returns>
    private static string? Parse(string handler, Func<string, string?> lookup)
    {
        try
        {
            if (handler == LambdaProject.Api.Handler)
            {
                ApiSettings.FromEnvironment(lookup);
            }
            else if (handler == LambdaProject.Orchestration.Handler || handler == LambdaProject.ExecutionPoller.Handler)
            {
                EngineSettings.FromEnvironment(lookup);
            }
            else if (handler == LambdaProject.FrontendBuilder.Handler)
            {
                ParseFrontendBuilder(lookup);
            }
            else
            {
                return "no settings parser is known for this handler";
            }

            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return e.Message;
        }
    }

    // FrontendBuilderSettings is internal to its assembly, which grants no access to this one.
    private static void ParseFrontendBuilder(Func<string, string?> lookup)
    {
        var type = typeof(Functions.FrontendBuilder.Function).Assembly
            .GetType("DrsOrchestrator.Functions.FrontendBuilder.Hosting.FrontendBuilderSettings", throwOnError: true)!;
        var parse = type.GetMethod("FromEnvironment", BindingFlags.Public | BindingFlags.Static, [typeof(Func<string, string?>)])!;
        parse.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, [lookup], culture: null);
    }
}
