using System.Diagnostics;
using System.Text.Json;
using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Api.Tests.OpenApi;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task GetOpenApi_Document_ListsEveryServedRouteAndNoOther()
    {
        // Act
        var response = await OfflineApi.Create().HandleAsync(ApiRequestBuilder.Get("/openapi.json").Build());

        // Assert
        Assert.Equal(200, response.StatusCode);
        using var document = JsonDocument.Parse(response.Body);
        var listed = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => m.Name.ToUpperInvariant() + " " + p.Name))
            .Order(StringComparer.Ordinal);
        Assert.Equal(RouteTable.Served.Select(r => r.Key).Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task GetOpenApi_Document_ValidatesAsOpenApi3WithSwaggerParser()
    {
        // Arrange
        var response = await OfflineApi.Create().HandleAsync(ApiRequestBuilder.Get("/openapi.json").Build());
        var file = Path.Combine(Path.GetTempPath(), $"drs-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, response.Body);
        var parser = Path.Combine(RepositoryRoot.Path, "tools", "node_modules", "@apidevtools", "swagger-parser");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(
            "require(process.argv[1]).validate(process.argv[2])" +
            ".then(api => console.log('VALID ' + api.openapi + ' ' + Object.keys(api.paths).length))" +
            ".catch(e => { console.error('INVALID ' + e.message); process.exit(1); })");
        start.ArgumentList.Add(parser);
        start.ArgumentList.Add(file);

        try
        {
            // Act
            using var process = Process.Start(start)!;
            var stdout = await process.StandardOutput.ReadToEndAsync();
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            // Assert
            Assert.True(process.ExitCode == 0, $"swagger-parser rejected the document: {stderr}{stdout}");
            Assert.StartsWith("VALID 3.0.3", stdout.Trim(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
