using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Api.Tests.Routing;

public sealed class RouteTableTests
{
    [Fact]
    public void All_Catalog_MatchesTheBriefRouteForRoute()
    {
        // Arrange
        var expected = ExpectedAccess.Routes.Keys.Order(StringComparer.Ordinal).ToArray();

        // Act
        var actual = RouteTable.All.Select(r => r.Key).Order(StringComparer.Ordinal).ToArray();

        // Assert
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void All_Routes_HaveUniqueKeysAndOperationIds()
    {
        Assert.Equal(RouteTable.All.Count, RouteTable.All.Select(r => r.Key).Distinct().Count());
        Assert.Equal(RouteTable.All.Count, RouteTable.All.Select(r => r.OperationId).Distinct().Count());
    }

    [Fact]
    public void All_PermissionRoutes_NameAPermission()
    {
        Assert.All(RouteTable.All, r => Assert.Equal(r.Access == RouteAccess.Permission, r.Permission is not null));
    }

    /// <summary>
    /// Tracks catalog completeness: it stays red until every catalog route has a handler, and names the
    /// routes that do not yet.
    /// </summary>
    [Fact]
    public void Served_EveryCatalogRoute_HasAHandler()
    {
        // Act
        var missing = RouteTable.All.Select(r => r.Key).Except(RouteTable.Served.Select(r => r.Key)).ToArray();

        // Assert
        Assert.True(missing.Length == 0, $"{missing.Length} catalog route(s) have no handler yet: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Served_EveryServedRoute_IsInTheCatalog()
    {
        Assert.All(RouteTable.Served, r => Assert.Contains(r, RouteTable.All));
    }
}
