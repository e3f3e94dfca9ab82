using System.Text;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Local.Auth;
using DrsOrchestrator.Local.Tests.Support;

namespace DrsOrchestrator.Local.Tests.Auth;

public sealed class LocalTokenServiceTests
{
    private readonly ManualTime _time = new(new DateTimeOffset(2025, 5, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Validate_IssuedToken_ReturnsCognitoShapedClaims()
    {
        // Arrange
        var tokens = new LocalTokenService(_time);
        var issued = tokens.Issue("Operator@drs-local.example", [RoleGroups.Operator, RoleGroups.ReadOnly]);

        // Act
        var claims = tokens.Validate(issued.IdToken);

        // Assert
        Assert.NotNull(claims);
        Assert.Equal("operator@drs-local.example", claims["email"]);
        Assert.Equal($"{RoleGroups.Operator},{RoleGroups.ReadOnly}", claims["cognito:groups"]);
        Assert.Equal("id", claims["token_use"]);
        Assert.True(Guid.TryParse(claims["sub"], out _));
        Assert.Equal(_time.GetUtcNow().AddHours(1), issued.ExpiresAt);
    }

    [Fact]
    public void Issue_SameEmailTwice_KeepsTheSameSubject()
    {
        // Arrange
        var tokens = new LocalTokenService(_time);

        // Act
        var first = tokens.Validate(tokens.Issue("a@drs-local.example", [RoleGroups.Admin]).IdToken)!;
        var second = tokens.Validate(tokens.Issue("a@drs-local.example", [RoleGroups.ReadOnly]).IdToken)!;

        // Assert
        Assert.Equal(first["sub"], second["sub"]);
    }

    [Fact]
    public void Validate_PayloadWithElevatedGroups_ReturnsNull()
    {
        // Arrange
        var tokens = new LocalTokenService(_time);
        var parts = tokens.Issue("r@drs-local.example", [RoleGroups.ReadOnly]).IdToken.Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))
            .Replace(RoleGroups.ReadOnly, RoleGroups.Admin, StringComparison.Ordinal);
        var forged = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];

        // Act
        var claims = tokens.Validate(forged);

        // Assert
        Assert.Null(claims);
    }

    [Fact]
    public void Validate_TokenFromAnotherProcessKey_ReturnsNull()
    {
        // Arrange
        var other = new LocalTokenService(_time).Issue("x@drs-local.example", [RoleGroups.Admin]);

        // Act
        var claims = new LocalTokenService(_time).Validate(other.IdToken);

        // Assert
        Assert.Null(claims);
    }

    [Fact]
    public void Validate_ExpiredToken_ReturnsNull()
    {
        // Arrange
        var tokens = new LocalTokenService(_time, TimeSpan.FromMinutes(10));
        var issued = tokens.Issue("x@drs-local.example", [RoleGroups.Admin]);
        _time.Advance(TimeSpan.FromMinutes(10));

        // Act
        var claims = tokens.Validate(issued.IdToken);

        // Assert
        Assert.Null(claims);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    public void Validate_Malformed_ReturnsNull(string token)
    {
        // Arrange
        var tokens = new LocalTokenService(_time);

        // Act
        var claims = tokens.Validate(token);

        // Assert
        Assert.Null(claims);
    }

    [Fact]
    public void Issue_UnknownGroup_Throws()
    {
        // Arrange
        var tokens = new LocalTokenService(_time);

        // Act
        var error = Assert.Throws<ArgumentException>(() => tokens.Issue("x@drs-local.example", ["Administrators"]));

        // Assert
        Assert.Contains("Administrators", error.Message, StringComparison.Ordinal);
    }
}
