using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Tests.Common.Builders;

namespace DrsOrchestrator.Domain.Tests.ProtectionGroups;

public sealed class ProtectionGroupValidationTests
{
    private static IReadOnlyList<ValidationProblem> Problems(ProtectionGroupBuilder builder) => ProtectionGroup.Validate(builder.BuildDraft());

    private static void AssertSingleProblem(ProtectionGroupBuilder builder, string field, string code)
    {
        var problem = Assert.Single(Problems(builder));
        Assert.Equal((field, code), (problem.Field, problem.Code));
    }

    [Fact]
    public void Validate_DefaultBuilder_NoProblems()
    {
        Assert.Empty(Problems(new ProtectionGroupBuilder()));
    }

    [Fact]
    public void Validate_TagSelectionWithFullLaunchSettings_NoProblems()
    {
        var builder = new ProtectionGroupBuilder()
            .WithTags(("App", "payments"), ("Tier", "web"))
            .WithLaunchSettings(new LaunchSettings
            {
                SubnetId = TestIds.SubnetId(1),
                SecurityGroupIds = [TestIds.SecurityGroupId(1), "sg-0123abcd"],
                InstanceType = "m5.large",
                RightSizing = RightSizingMethod.None,
                CopyPrivateIp = true,
                CopyTags = true,
                LaunchDisposition = LaunchDisposition.Started,
                Licensing = LicensingModel.Byol,
                InstanceProfile = "arn:aws:iam::111100000001:instance-profile/DrsRecovery",
            });

        Assert.Empty(Problems(builder));
    }

    [Theory]
    [InlineData("", ErrorCodes.MissingField)]
    [InlineData("   ", ErrorCodes.MissingField)]
    public void Validate_BlankName_MissingField(string name, string code)
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithName(name), "name", code);
    }

    [Fact]
    public void Validate_NameTooLong_InvalidField()
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithName(new string('n', 129)), "name", ErrorCodes.InvalidField);
    }

    [Fact]
    public void Validate_DescriptionTooLong_InvalidField()
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithDescription(new string('d', 1025)), "description", ErrorCodes.InvalidField);
    }

    [Theory]
    [InlineData("", ErrorCodes.MissingField)]
    [InlineData("12345678901", ErrorCodes.InvalidField)]
    [InlineData("1234567890123", ErrorCodes.InvalidField)]
    [InlineData("12345678901a", ErrorCodes.InvalidField)]
    public void Validate_BadAccountId_Rejected(string accountId, string code)
    {
        AssertSingleProblem(new ProtectionGroupBuilder().InAccount(accountId), "accountId", code);
    }

    [Theory]
    [InlineData("", ErrorCodes.MissingField)]
    [InlineData("US-EAST-1", ErrorCodes.InvalidRegion)]
    [InlineData("useast1", ErrorCodes.InvalidRegion)]
    [InlineData("us-east", ErrorCodes.InvalidRegion)]
    public void Validate_BadRegion_Rejected(string region, string code)
    {
        AssertSingleProblem(new ProtectionGroupBuilder().InRegion(region), "region", code);
    }

    [Fact]
    public void Validate_NoServers_InvalidServerSelection()
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithServers(), "selection.sourceServerIds", ErrorCodes.InvalidServerSelection);
    }

    [Theory]
    [InlineData("s-123")]
    [InlineData("s-1234567890ABCDEF0")]
    [InlineData("i-1234567890abcdef0")]
    [InlineData("s-1234567890abcdefg")]
    public void Validate_MalformedServerId_InvalidServerSelectionAtIndex(string id)
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithServers(TestIds.SourceServerId(1), id), "selection.sourceServerIds[1]", ErrorCodes.InvalidServerSelection);
    }

    [Fact]
    public void Validate_DuplicateServer_DuplicateSourceServer()
    {
        var id = TestIds.SourceServerId(7);

        AssertSingleProblem(new ProtectionGroupBuilder().WithServers(id, id), "selection.sourceServerIds[1]", ErrorCodes.DuplicateSourceServer);
    }

    [Fact]
    public void Validate_TooManyServers_LimitExceeded()
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithServers(TestIds.SourceServerIds(3001)), "selection.sourceServerIds", ErrorCodes.LimitExceeded);
    }

    [Fact]
    public void Validate_ExplicitSelectionWithTags_InvalidServerSelection()
    {
        var selection = ServerSelection.Explicit(TestIds.SourceServerIds(1)) with { TagCriteria = [new TagCriterion("App", "x")] };

        AssertSingleProblem(new ProtectionGroupBuilder().WithSelection(selection), "selection.tagCriteria", ErrorCodes.InvalidServerSelection);
    }

    [Fact]
    public void Validate_TagSelectionWithServerIds_InvalidServerSelection()
    {
        var selection = ServerSelection.ByTags([new TagCriterion("App", "x")]) with { SourceServerIds = TestIds.SourceServerIds(1) };

        AssertSingleProblem(new ProtectionGroupBuilder().WithSelection(selection), "selection.sourceServerIds", ErrorCodes.InvalidServerSelection);
    }

    [Fact]
    public void Validate_UndefinedSelectionMode_InvalidServerSelection()
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithSelection(new ServerSelection { Mode = (ServerSelectionMode)9 }), "selection.mode", ErrorCodes.InvalidServerSelection);
    }

    [Fact]
    public void Validate_NullSelection_MissingField()
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithSelection(null!), "selection", ErrorCodes.MissingField);
    }

    [Fact]
    public void Validate_NoTagCriteria_InvalidTagCriteria()
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithTags(), "selection.tagCriteria", ErrorCodes.InvalidTagCriteria);
    }

    [Theory]
    [InlineData("", "v", "selection.tagCriteria[0].key")]
    [InlineData("aws:cloudformation:stack-name", "v", "selection.tagCriteria[0].key")]
    [InlineData("AWS:x", "v", "selection.tagCriteria[0].key")]
    [InlineData("bad{key}", "v", "selection.tagCriteria[0].key")]
    [InlineData("App", "bad<value>", "selection.tagCriteria[0].value")]
    public void Validate_BadTag_InvalidTagCriteria(string key, string value, string field)
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithTags((key, value)), field, ErrorCodes.InvalidTagCriteria);
    }

    [Fact]
    public void Validate_TagKeyAndValueAtTheirLimits_Accepted()
    {
        Assert.Empty(Problems(new ProtectionGroupBuilder().WithTags((new string('k', 128), new string('v', 256)), ("Env", ""))));
    }

    [Fact]
    public void Validate_TagKeyOrValueTooLong_InvalidTagCriteria()
    {
        var problems = Problems(new ProtectionGroupBuilder().WithTags((new string('k', 129), new string('v', 257))));

        Assert.Equal(["selection.tagCriteria[0].key", "selection.tagCriteria[0].value"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(ErrorCodes.InvalidTagCriteria, p.Code));
    }

    [Fact]
    public void Validate_NullTagValue_InvalidTagCriteria()
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithSelection(ServerSelection.ByTags([new TagCriterion("App", null!)])), "selection.tagCriteria[0].value", ErrorCodes.InvalidTagCriteria);
    }

    [Fact]
    public void Validate_SameTagKeyTwice_InvalidTagCriteria()
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithTags(("App", "a"), ("App", "b")), "selection.tagCriteria[1].key", ErrorCodes.InvalidTagCriteria);
    }

    [Fact]
    public void Validate_TooManyTagCriteria_LimitExceeded()
    {
        var tags = Enumerable.Range(0, 51).Select(i => ($"k{i}", "v")).ToArray();

        AssertSingleProblem(new ProtectionGroupBuilder().WithTags(tags), "selection.tagCriteria", ErrorCodes.LimitExceeded);
    }

    [Theory]
    [InlineData("subnet-123", "launchSettings.subnetId")]
    [InlineData("vpc-0123456789abcdef0", "launchSettings.subnetId")]
    public void Validate_BadSubnet_InvalidLaunchSettings(string subnet, string field)
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithLaunchSettings(new LaunchSettings { SubnetId = subnet }), field, ErrorCodes.InvalidLaunchSettings);
    }

    [Fact]
    public void Validate_BadAndDuplicateSecurityGroups_EachReportedAtItsIndex()
    {
        var settings = new LaunchSettings { SecurityGroupIds = [TestIds.SecurityGroupId(1), "sg-nothex!", TestIds.SecurityGroupId(1)] };

        var problems = Problems(new ProtectionGroupBuilder().WithLaunchSettings(settings));

        Assert.Equal(["launchSettings.securityGroupIds[1]", "launchSettings.securityGroupIds[2]"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(ErrorCodes.InvalidLaunchSettings, p.Code));
    }

    [Fact]
    public void Validate_TooManySecurityGroups_LimitExceeded()
    {
        var settings = new LaunchSettings { SecurityGroupIds = [.. Enumerable.Range(1, 6).Select(TestIds.SecurityGroupId)] };

        AssertSingleProblem(new ProtectionGroupBuilder().WithLaunchSettings(settings), "launchSettings.securityGroupIds", ErrorCodes.LimitExceeded);
    }

    [Theory]
    [InlineData("large")]
    [InlineData("M5.LARGE")]
    [InlineData("m5.")]
    public void Validate_BadInstanceType_InvalidLaunchSettings(string instanceType)
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithLaunchSettings(new LaunchSettings { InstanceType = instanceType }), "launchSettings.instanceType", ErrorCodes.InvalidLaunchSettings);
    }

    [Theory]
    [InlineData("arn:aws:iam::123:instance-profile/x")]
    [InlineData("has space")]
    public void Validate_BadInstanceProfile_InvalidLaunchSettings(string profile)
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithLaunchSettings(new LaunchSettings { InstanceProfile = profile }), "launchSettings.instanceProfile", ErrorCodes.InvalidLaunchSettings);
    }

    [Fact]
    public void Validate_UndefinedEnums_InvalidLaunchSettings()
    {
        var settings = new LaunchSettings { RightSizing = (RightSizingMethod)7, LaunchDisposition = (LaunchDisposition)7, Licensing = (LicensingModel)7 };

        var problems = Problems(new ProtectionGroupBuilder().WithLaunchSettings(settings));

        Assert.Equal(["launchSettings.rightSizing", "launchSettings.launchDisposition", "launchSettings.licensing"], problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData(RightSizingMethod.Basic)]
    [InlineData(RightSizingMethod.InAws)]
    public void Validate_InstanceTypeWithRightSizing_InvalidLaunchSettings(RightSizingMethod method)
    {
        var settings = new LaunchSettings { InstanceType = "m5.large", RightSizing = method };

        AssertSingleProblem(new ProtectionGroupBuilder().WithLaunchSettings(settings), "launchSettings.instanceType", ErrorCodes.InvalidLaunchSettings);
    }

    [Fact]
    public void Validate_OverrideForUnknownSyntaxServer_InvalidServerSelection()
    {
        AssertSingleProblem(new ProtectionGroupBuilder().WithOverride("s-nope", LaunchSettings.Empty), "serverOverrides[s-nope]", ErrorCodes.InvalidServerSelection);
    }

    [Fact]
    public void Validate_OverrideForServerOutsideExplicitSelection_OverrideForUnselectedServer()
    {
        var outsider = TestIds.SourceServerId(999);

        AssertSingleProblem(new ProtectionGroupBuilder().WithOverride(outsider, LaunchSettings.Empty), $"serverOverrides[{outsider}]", ErrorCodes.OverrideForUnselectedServer);
    }

    [Fact]
    public void Validate_OverrideWithTagSelection_AcceptedForAnyWellFormedServer()
    {
        var builder = new ProtectionGroupBuilder().WithTags(("App", "x")).WithOverride(TestIds.SourceServerId(999), new LaunchSettings { InstanceType = "r5.xlarge" });

        Assert.Empty(Problems(builder));
    }

    [Fact]
    public void Validate_OverrideWithBadSubnet_ReportedUnderTheOverride()
    {
        var server = TestIds.SourceServerId(1);

        AssertSingleProblem(new ProtectionGroupBuilder().WithOverride(server, new LaunchSettings { SubnetId = "x" }), $"serverOverrides[{server}].subnetId", ErrorCodes.InvalidLaunchSettings);
    }

    [Fact]
    public void Validate_OverrideInstanceTypeWhileGroupRightSizes_InvalidLaunchSettings()
    {
        var server = TestIds.SourceServerId(1);
        var builder = new ProtectionGroupBuilder()
            .WithLaunchSettings(new LaunchSettings { RightSizing = RightSizingMethod.Basic })
            .WithOverride(server, new LaunchSettings { InstanceType = "c5.large" });

        AssertSingleProblem(builder, $"serverOverrides[{server}].instanceType", ErrorCodes.InvalidLaunchSettings);
    }

    [Fact]
    public void Validate_OverrideTurnsOffRightSizingForItsInstanceType_Accepted()
    {
        var server = TestIds.SourceServerId(1);
        var builder = new ProtectionGroupBuilder()
            .WithLaunchSettings(new LaunchSettings { RightSizing = RightSizingMethod.Basic })
            .WithOverride(server, new LaunchSettings { InstanceType = "c5.large", RightSizing = RightSizingMethod.None });

        Assert.Empty(Problems(builder));
    }

    [Fact]
    public void Validate_NullOverride_InvalidLaunchSettings()
    {
        var server = TestIds.SourceServerId(1);

        AssertSingleProblem(new ProtectionGroupBuilder().WithOverride(server, null!), $"serverOverrides[{server}]", ErrorCodes.InvalidLaunchSettings);
    }

    [Fact]
    public void Create_SeveralProblems_ThrowsValidationListingAllWithFirstCode()
    {
        var draft = new ProtectionGroupBuilder().WithName("").InAccount("42").InRegion("mars-1").WithServers("bad").BuildDraft();

        var error = Assert.Throws<DomainException>(() => ProtectionGroup.Create("pg-1", draft, "me", TestIds.Epoch));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(ErrorCodes.MissingField, error.Code);
        var problems = Assert.IsType<ValidationProblem[]>(error.Details![ValidationProblems.DetailsKey]);
        Assert.Equal(["name", "accountId", "region", "selection.sourceServerIds[0]"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Create_BlankGroupId_MissingField()
    {
        var error = Assert.Throws<DomainException>(() => ProtectionGroup.Create(" ", new ProtectionGroupBuilder().BuildDraft(), "me", TestIds.Epoch));

        Assert.Equal(ErrorCodes.MissingField, error.Code);
    }

    [Fact]
    public void Create_Valid_StampsCreatorAndTrimsName()
    {
        var group = ProtectionGroup.Create("pg-1", new ProtectionGroupBuilder().WithName("  Web  ").BuildDraft(), "alice", TestIds.Epoch);

        Assert.Equal(("pg-1", "Web", "alice", TestIds.Epoch, "alice", 0L), (group.GroupId, group.Name, group.CreatedBy, group.CreatedAt, group.UpdatedBy, group.Version));
    }

    [Fact]
    public void Update_Valid_KeepsIdentityCreationAndVersion()
    {
        var group = new ProtectionGroupBuilder().WithId("pg-7").By("alice").Build() with { Version = 4 };
        var later = TestIds.Epoch.AddHours(1);

        var updated = group.Update(group.ToDraft() with { Name = "Renamed" }, "bob", later);

        Assert.Equal(("pg-7", "Renamed", "alice", "bob", later, 4L), (updated.GroupId, updated.Name, updated.CreatedBy, updated.UpdatedBy, updated.UpdatedAt, updated.Version));
    }

    [Fact]
    public void Update_Invalid_Throws()
    {
        var group = new ProtectionGroupBuilder().Build();

        Assert.Throws<DomainException>(() => group.Update(group.ToDraft() with { Region = "nowhere" }, "bob", TestIds.Epoch));
    }

    [Fact]
    public void EffectiveLaunchSettingsFor_ServerWithOverride_OverrideWinsPerMember()
    {
        var server = TestIds.SourceServerId(1);
        var group = new ProtectionGroupBuilder()
            .WithLaunchSettings(new LaunchSettings { SubnetId = TestIds.SubnetId(1), InstanceType = "m5.large", CopyTags = true })
            .WithOverride(server, new LaunchSettings { InstanceType = "m5.4xlarge" })
            .Build();

        var effective = group.EffectiveLaunchSettingsFor(server);
        var other = group.EffectiveLaunchSettingsFor(TestIds.SourceServerId(2));

        Assert.Equal((TestIds.SubnetId(1), "m5.4xlarge", (bool?)true), (effective.SubnetId, effective.InstanceType, effective.CopyTags));
        Assert.Equal("m5.large", other.InstanceType);
    }

    [Fact]
    public void Matches_AllCriteriaPresent_True_AndAnyMissingOrDifferent_False()
    {
        var selection = ServerSelection.ByTags([new TagCriterion("App", "pay"), new TagCriterion("Tier", "web")]);

        Assert.True(selection.Matches(new Dictionary<string, string> { ["App"] = "pay", ["Tier"] = "web", ["Extra"] = "1" }));
        Assert.False(selection.Matches(new Dictionary<string, string> { ["App"] = "pay" }));
        Assert.False(selection.Matches(new Dictionary<string, string> { ["App"] = "Pay", ["Tier"] = "web" }));
    }
}
