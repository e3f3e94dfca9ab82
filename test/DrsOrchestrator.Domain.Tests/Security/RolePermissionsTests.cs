using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Security;
using P = DrsOrchestrator.Domain.Security.Permission;

namespace DrsOrchestrator.Domain.Tests.Security;

public sealed class RolePermissionsTests
{
    /// <summary>The brief's section 6 table, written out again on purpose: the test must not derive it from the code under test.</summary>
    public static TheoryData<string, P[]> Table => new()
    {
        { RoleGroups.Admin, Enum.GetValues<P>() },
        { RoleGroups.RecoveryManager, [P.ExecuteRecovery, P.ExecuteDrill, P.ManageExecution, P.TerminateInstances, P.ViewResources] },
        { RoleGroups.PlanManager, [P.CreateProtectionGroup, P.UpdateProtectionGroup, P.CreateRecoveryPlan, P.UpdateRecoveryPlan, P.ViewResources] },
        { RoleGroups.Operator, [P.ExecuteRecovery, P.ExecuteDrill, P.ViewResources] },
        { RoleGroups.DrillOperator, [P.ExecuteDrill, P.ViewResources] },
        { RoleGroups.ReadOnly, [P.ViewResources] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void For_SingleGroup_ExactlyTheBriefsPermissions(string group, P[] expected)
    {
        var granted = RolePermissions.For([group]);

        Assert.True(granted.SetEquals(expected), $"{group}: got {string.Join(",", granted.Order())}");
    }

    [Fact]
    public void For_AdminAlone_HasTwelvePermissions()
    {
        Assert.Equal(12, RolePermissions.For([RoleGroups.Admin]).Count);
    }

    [Theory]
    [InlineData("SomeOtherGroup")]
    [InlineData("drsreadonly")]
    [InlineData("")]
    public void For_UnknownGroup_Nothing(string group)
    {
        Assert.Empty(RolePermissions.For([group]));
    }

    [Fact]
    public void For_NoGroups_Nothing()
    {
        Assert.Empty(RolePermissions.For([]));
    }

    [Fact]
    public void For_SeveralGroups_Union()
    {
        var granted = RolePermissions.For([RoleGroups.DrillOperator, RoleGroups.PlanManager, "Unknown"]);

        Assert.True(granted.SetEquals([P.ExecuteDrill, P.ViewResources, P.CreateProtectionGroup, P.UpdateProtectionGroup, P.CreateRecoveryPlan, P.UpdateRecoveryPlan]));
    }

    [Fact]
    public void WireName_HasDrsPrefix()
    {
        Assert.Equal("drs:ExecuteDrill", RolePermissions.WireName(P.ExecuteDrill));
    }

    [Fact]
    public void FromClaims_GroupsGiven_PermissionsDerivedAndDeduplicated()
    {
        var caller = CallerIdentity.FromClaims("sub-1", "ops@example.test", [RoleGroups.Operator, RoleGroups.Operator, " "]);

        Assert.Equal([RoleGroups.Operator], caller.Groups);
        Assert.True(caller.Has(P.ExecuteRecovery));
        Assert.False(caller.Has(P.ManageExecution));
        Assert.Equal("ops@example.test", caller.DisplayName);
    }

    [Fact]
    public void FromClaims_NoGroupsClaim_NoPermissions()
    {
        var caller = CallerIdentity.FromClaims("sub-1", null, null);

        Assert.Empty(caller.Permissions);
        Assert.Equal("sub-1", caller.DisplayName);
    }

    [Fact]
    public void FromClaims_BlankSub_Throws()
    {
        Assert.Throws<ArgumentException>(() => CallerIdentity.FromClaims(" ", null, []));
    }

    [Theory]
    [InlineData(RoleGroups.Admin, true, true)]
    [InlineData(RoleGroups.RecoveryManager, true, true)]
    [InlineData(RoleGroups.Operator, true, true)]
    [InlineData(RoleGroups.DrillOperator, true, false)]
    [InlineData(RoleGroups.PlanManager, false, false)]
    [InlineData(RoleGroups.ReadOnly, false, false)]
    public void CanExecute_ByGroup_MatchesBrief(string group, bool drill, bool recovery)
    {
        var caller = CallerIdentity.FromClaims("sub", null, [group]);

        Assert.Equal((drill, recovery), (caller.CanExecute(ExecutionType.Drill), caller.CanExecute(ExecutionType.Recovery)));
    }
}
