using DrsOrchestrator.Application.Common;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Api.Tests.Pipeline;

public sealed class AwsErrorsTests
{
    [Fact]
    public void ToDomain_Ec2AccessDeniedAfterRoleAssumed_UpstreamErrorNamingEc2()
    {
        // Arrange
        var refused = new AwsAccessDeniedException("ec2", "UnauthorizedOperation", 403, "You are not authorized to perform this operation.");

        // Act
        var domain = AwsErrors.ToDomain(refused);

        // Assert
        Assert.Equal(ErrorCodes.UpstreamError, domain.Code);
        Assert.Equal("ec2", domain.Details!["service"]);
    }

    [Fact]
    public void ToDomain_StsAccessDenied_AssumeRoleFailed()
    {
        // Arrange
        var refused = new AwsAccessDeniedException("sts", "AccessDenied", 403, "not authorized to perform: sts:AssumeRole");

        // Act
        var domain = AwsErrors.ToDomain(refused);

        // Assert
        Assert.Equal(ErrorCodes.AssumeRoleFailed, domain.Code);
        Assert.Equal(ErrorKind.Upstream, domain.Kind);
    }

    [Theory]
    [InlineData("drs", "DRS_ERROR")]
    [InlineData("ec2", "UPSTREAM_ERROR")]
    public void ToDomain_ValidationRefusal_CodeNamesTheService(string service, string expectedCode)
    {
        // Arrange
        var refused = new AwsValidationException(service, "InvalidParameterValue", 400, "bad value");

        // Act
        var domain = AwsErrors.ToDomain(refused);

        // Assert
        Assert.Equal(expectedCode, domain.Code);
        Assert.Equal(ErrorKind.Validation, domain.Kind);
    }
}
