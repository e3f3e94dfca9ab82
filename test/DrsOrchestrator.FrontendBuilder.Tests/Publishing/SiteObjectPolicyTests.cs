using DrsOrchestrator.Functions.FrontendBuilder.Publishing;

namespace DrsOrchestrator.FrontendBuilder.Tests.Publishing;

public sealed class SiteObjectPolicyTests
{
    [Theory]
    [InlineData("index.html", "text/html; charset=utf-8")]
    [InlineData("assets/index-B7xQ2kLm.js", "text/javascript; charset=utf-8")]
    [InlineData("assets/index-B7xQ2kLm.css", "text/css; charset=utf-8")]
    [InlineData("assets/open-sans-A1b2C3d4.woff2", "font/woff2")]
    [InlineData("favicon.ico", "image/x-icon")]
    [InlineData("logo.PNG", "image/png")]
    [InlineData("site.webmanifest", "application/manifest+json")]
    [InlineData("LICENSE", "application/octet-stream")]
    public void ContentTypeOf_Extension_BrowserContentType(string key, string expected)
    {
        // Arrange, Act
        var type = SiteObjectPolicy.ContentTypeOf(key);

        // Assert
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("index.html", SiteObjectPolicy.NoCache)]
    [InlineData("help/index.html", SiteObjectPolicy.NoCache)]
    [InlineData("aws-config.json", SiteObjectPolicy.NoCache)]
    [InlineData("assets/index-B7xQ2kLm.js", SiteObjectPolicy.Immutable)]
    [InlineData("assets/Dashboard-a_b-9XyZ.js", SiteObjectPolicy.Immutable)]
    [InlineData("assets/logo.svg", SiteObjectPolicy.Revalidate)]
    [InlineData("favicon-B7xQ2kLm.svg", SiteObjectPolicy.Revalidate)]
    [InlineData("robots.txt", SiteObjectPolicy.Revalidate)]
    public void CacheControlOf_Key_HashedAssetsImmutableDocumentsNeverCached(string key, string expected)
    {
        // Arrange, Act
        var cacheControl = SiteObjectPolicy.CacheControlOf(key);

        // Assert
        Assert.Equal(expected, cacheControl);
    }
}
