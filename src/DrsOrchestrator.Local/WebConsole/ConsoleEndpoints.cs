using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace DrsOrchestrator.Local.WebConsole;

/// <summary>Serves the built console (frontend/dist) with an index.html fallback for client-side routes, plus /aws-config.json.</summary>
internal static class ConsoleEndpoints
{
    public static void UseConsole(this WebApplication app, string? distDirectory, ConsoleConfig config)
    {
        app.MapGet("/aws-config.json", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(config);
        });

        var index = distDirectory is null ? null : Path.Combine(distDirectory, "index.html");
        if (index is null || !File.Exists(index))
        {
            app.MapFallback(() => Results.Content(
                "The console is not built. Run ./dev start (or: cd frontend && npm ci && npm run build), then reload.",
                "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable));
            return;
        }

        var files = new PhysicalFileProvider(distDirectory!);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                // Vite fingerprints everything under assets/, so those never change under the same name.
                context.Context.Response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });

        // Page routes (no file extension) get the SPA shell; a missing asset stays a 404. /api and
        // /local-auth are matched by their own endpoints first, so an unknown API route is the API's 404.
        app.MapFallback(async context =>
        {
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/local-auth")
                || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await context.Response.SendFileAsync(index).ConfigureAwait(false);
        });
    }
}
