using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.Tests.Common;

public sealed class AwsIdentifiersTests
{
    [Theory]
    [InlineData("us-east-1", true)]
    [InlineData("ap-southeast-7", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("cn-northwest-1", true)]
    [InlineData("us-east-1a", false)]
    [InlineData("us_east_1", false)]
    [InlineData("", false)]
    public void IsRegion_Syntax(string value, bool expected) => Assert.Equal(expected, AwsIdentifiers.IsRegion(value));

    [Theory]
    [InlineData("s-0123456789abcdef0", true)]
    [InlineData("s-0123456789abcdef", false)]
    [InlineData("s-0123456789abcdef01", false)]
    [InlineData(null, false)]
    public void IsSourceServerId_Syntax(string? value, bool expected) => Assert.Equal(expected, AwsIdentifiers.IsSourceServerId(value));

    [Theory]
    [InlineData("subnet-0123abcd", true)]
    [InlineData("subnet-0123456789abcdef0", true)]
    [InlineData("subnet-0123abc", false)]
    public void IsSubnetId_Syntax(string value, bool expected) => Assert.Equal(expected, AwsIdentifiers.IsSubnetId(value));

    [Theory]
    [InlineData("t3.micro", true)]
    [InlineData("u-6tb1.metal", true)]
    [InlineData("mac2-m2pro.metal", true)]
    [InlineData("t3", false)]
    public void IsInstanceType_Syntax(string value, bool expected) => Assert.Equal(expected, AwsIdentifiers.IsInstanceType(value));

    [Fact]
    public void AccountOfRoleArn_ValidArn_ReturnsAccount()
    {
        Assert.Equal("111100000002", AwsIdentifiers.AccountOfRoleArn("arn:aws:iam::111100000002:role/Spoke"));
        Assert.Null(AwsIdentifiers.AccountOfRoleArn("arn:aws:iam::111100000002:group/Spoke"));
    }
}
