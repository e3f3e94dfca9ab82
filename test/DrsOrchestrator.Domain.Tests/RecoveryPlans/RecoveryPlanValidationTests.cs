using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Tests.Common.Builders;

namespace DrsOrchestrator.Domain.Tests.RecoveryPlans;

public sealed class RecoveryPlanValidationTests
{
    private static IReadOnlyList<ValidationProblem> Problems(RecoveryPlanBuilder builder)
    {
        var draft = builder.BuildDraft();
        return RecoveryPlan.Validate(draft, builder.KnownGroups(draft));
    }

    private static void AssertSingleProblem(RecoveryPlanBuilder builder, string field, string code)
    {
        var problem = Assert.Single(Problems(builder));
        Assert.Equal((field, code), (problem.Field, problem.Code));
    }

    private static RecoveryPlanBuilder ThreeWaves() => new RecoveryPlanBuilder()
        .WithWave("db", "pg-db")
        .WithWave("app", w => w.WithGroups("pg-app").DependingOn("db").PausingBefore())
        .WithWave("web", w => w.WithGroups("pg-web", "pg-cache").DependingOn("db", "app").WithDefaultCriticality(ServerCriticality.Optional));

    [Fact]
    public void Validate_ThreeWellFormedWaves_NoProblems()
    {
        Assert.Empty(Problems(ThreeWaves().WithRto(60).WithRpo(15)));
    }

    [Fact]
    public void Validate_BlankName_MissingField()
    {
        AssertSingleProblem(ThreeWaves().WithName(" "), "name", ErrorCodes.MissingField);
    }

    [Fact]
    public void Validate_LongNameAndDescription_InvalidField()
    {
        var problems = Problems(ThreeWaves().WithName(new string('x', 129)).WithDescription(new string('x', 1025)));

        Assert.Equal([("name", ErrorCodes.InvalidField), ("description", ErrorCodes.InvalidField)], problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Validate_NoWaves_PlanHasNoWaves()
    {
        var draft = ThreeWaves().BuildDraft() with { Waves = [] };

        var problem = Assert.Single(RecoveryPlan.Validate(draft, null));

        Assert.Equal(("waves", ErrorCodes.PlanHasNoWaves), (problem.Field, problem.Code));
    }

    [Fact]
    public void Validate_TooManyWaves_LimitExceeded()
    {
        var builder = new RecoveryPlanBuilder();
        for (var i = 0; i < RecoveryPlanLimits.MaxWaves + 1; i++)
        {
            builder.WithWave($"w{i}", $"pg-{i}");
        }

        var problems = Problems(builder);

        // One group per wave is the fewest there can be, so the plan-wide group limit is exceeded as well.
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(("waves", ErrorCodes.LimitExceeded), (p.Field, p.Code)));
        Assert.Contains(problems, p => p.Message.Contains($"{RecoveryPlanLimits.MaxWaves} waves", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MoreDistinctGroupsThanOneWriteHolds_LimitExceededOnWaves()
    {
        var builder = new RecoveryPlanBuilder();
        for (var i = 0; i <= RecoveryPlanLimits.MaxProtectionGroups; i++)
        {
            builder.WithWave($"w{i}", $"pg-{i}");
        }

        var problem = Assert.Single(Problems(builder));

        Assert.Equal(("waves", ErrorCodes.LimitExceeded), (problem.Field, problem.Code));
        Assert.Contains($"at most {RecoveryPlanLimits.MaxProtectionGroups} distinct protection groups; this one names {RecoveryPlanLimits.MaxProtectionGroups + 1}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FirstWavePausesBefore_FirstWavePause()
    {
        AssertSingleProblem(new RecoveryPlanBuilder().WithWave("db", w => w.WithGroups("pg-1").PausingBefore()), "waves[0].pauseBefore", ErrorCodes.FirstWavePause);
    }

    [Fact]
    public void Validate_LaterWavePausesBefore_Accepted()
    {
        Assert.Empty(Problems(new RecoveryPlanBuilder().WithWave("a", "pg-1").WithWave("b", w => w.WithGroups("pg-2").PausingBefore())));
    }

    [Fact]
    public void Validate_DuplicateWaveName_DuplicateWaveName()
    {
        AssertSingleProblem(new RecoveryPlanBuilder().WithWave("a", "pg-1").WithWave("a", "pg-2"), "waves[1].name", ErrorCodes.DuplicateWaveName);
    }

    [Fact]
    public void Validate_BlankAndLongWaveNames_Reported()
    {
        var problems = Problems(new RecoveryPlanBuilder().WithWave("", "pg-1").WithWave(new string('w', 129), "pg-2"));

        Assert.Equal([("waves[0].name", ErrorCodes.MissingField), ("waves[1].name", ErrorCodes.InvalidWave)], problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Validate_WaveWithoutGroups_InvalidWave()
    {
        AssertSingleProblem(new RecoveryPlanBuilder().WithWave("a"), "waves[0].protectionGroupIds", ErrorCodes.InvalidWave);
    }

    [Fact]
    public void Validate_TooManyGroupsInWave_LimitExceeded()
    {
        var groups = Enumerable.Range(0, RecoveryPlanLimits.MaxGroupsPerWave + 1).Select(i => $"pg-{i}").ToArray();

        var problems = Problems(new RecoveryPlanBuilder().WithWave("a", groups));

        // More than a wave holds is also more than a plan holds.
        Assert.Equal(
            [("waves[0].protectionGroupIds", ErrorCodes.LimitExceeded), ("waves", ErrorCodes.LimitExceeded)],
            problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Validate_EmptyGroupId_InvalidWave()
    {
        AssertSingleProblem(new RecoveryPlanBuilder().WithWave("a", "pg-1", " ").WithKnownGroups("pg-1"), "waves[0].protectionGroupIds[1]", ErrorCodes.InvalidWave);
    }

    [Fact]
    public void Validate_GroupInTwoWaves_DuplicateWaveGroup()
    {
        AssertSingleProblem(new RecoveryPlanBuilder().WithWave("a", "pg-1").WithWave("b", "pg-2", "pg-1"), "waves[1].protectionGroupIds[1]", ErrorCodes.DuplicateWaveGroup);
    }

    [Fact]
    public void Validate_UnknownGroups_UnknownProtectionGroupForEach()
    {
        var problems = Problems(new RecoveryPlanBuilder().WithWave("a", "pg-1", "pg-x").WithWave("b", "pg-y").WithKnownGroups("pg-1"));

        Assert.Equal(
            [("waves[0].protectionGroupIds[1]", ErrorCodes.UnknownProtectionGroup), ("waves[1].protectionGroupIds[0]", ErrorCodes.UnknownProtectionGroup)],
            problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Validate_NullKnownGroups_SkipsExistenceCheck()
    {
        var draft = new RecoveryPlanBuilder().WithWave("a", "pg-anything").BuildDraft();

        Assert.Empty(RecoveryPlan.Validate(draft, null));
    }

    [Fact]
    public void Validate_ForwardDependency_WaveForwardDependency()
    {
        AssertSingleProblem(
            new RecoveryPlanBuilder().WithWave("a", w => w.WithGroups("pg-1").DependingOn("b")).WithWave("b", "pg-2"),
            "waves[0].dependsOn[0]",
            ErrorCodes.WaveForwardDependency);
    }

    [Fact]
    public void Validate_UnknownDependency_UnknownWaveDependency()
    {
        AssertSingleProblem(new RecoveryPlanBuilder().WithWave("a", "pg-1").WithWave("b", w => w.WithGroups("pg-2").DependingOn("zzz")), "waves[1].dependsOn[0]", ErrorCodes.UnknownWaveDependency);
    }

    [Fact]
    public void Validate_DependencyListedTwice_InvalidWave()
    {
        AssertSingleProblem(new RecoveryPlanBuilder().WithWave("a", "pg-1").WithWave("b", w => w.WithGroups("pg-2").DependingOn("a", "a")), "waves[1].dependsOn[1]", ErrorCodes.InvalidWave);
    }

    [Fact]
    public void Validate_SelfDependency_WaveDependencyCycle()
    {
        AssertSingleProblem(new RecoveryPlanBuilder().WithWave("a", w => w.WithGroups("pg-1").DependingOn("a")), "waves[0].dependsOn", ErrorCodes.WaveDependencyCycle);
    }

    [Fact]
    public void Validate_TwoWaveCycle_ForwardReferenceAndCycleOnBothWaves()
    {
        var builder = new RecoveryPlanBuilder()
            .WithWave("a", w => w.WithGroups("pg-1").DependingOn("b"))
            .WithWave("b", w => w.WithGroups("pg-2").DependingOn("a"));

        var problems = Problems(builder);

        Assert.Equal(
            [
                ("waves[0].dependsOn[0]", ErrorCodes.WaveForwardDependency),
                ("waves[0].dependsOn", ErrorCodes.WaveDependencyCycle),
                ("waves[1].dependsOn", ErrorCodes.WaveDependencyCycle),
            ],
            problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Validate_ThreeWaveCycleWithBystander_OnlyCycleMembersReported()
    {
        var builder = new RecoveryPlanBuilder()
            .WithWave("root", "pg-0")
            .WithWave("a", w => w.WithGroups("pg-1").DependingOn("root", "c"))
            .WithWave("b", w => w.WithGroups("pg-2").DependingOn("a"))
            .WithWave("c", w => w.WithGroups("pg-3").DependingOn("b"))
            .WithWave("leaf", w => w.WithGroups("pg-4").DependingOn("c"));

        var cycle = Problems(builder).Where(p => p.Code == ErrorCodes.WaveDependencyCycle).Select(p => p.Field);

        Assert.Equal(["waves[1].dependsOn", "waves[2].dependsOn", "waves[3].dependsOn"], cycle);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10081)]
    public void Validate_ObjectiveOutOfRange_InvalidRecoveryObjective(int minutes)
    {
        var problems = Problems(ThreeWaves().WithRto(minutes).WithRpo(minutes));

        Assert.Equal([("rtoTargetMinutes", ErrorCodes.InvalidRecoveryObjective), ("rpoTargetMinutes", ErrorCodes.InvalidRecoveryObjective)], problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Validate_BadCriticalityOverride_InvalidWave()
    {
        var problems = Problems(new RecoveryPlanBuilder().WithWave("a", w => w
            .WithGroups("pg-1")
            .WithCriticality("not-a-server", ServerCriticality.Optional)
            .WithCriticality(TestIds.SourceServerId(1), (ServerCriticality)9)
            .WithDefaultCriticality((ServerCriticality)9)));

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Equal(ErrorCodes.InvalidWave, p.Code));
    }

    [Fact]
    public void Create_ManyProblems_ThrowsWithEveryProblem()
    {
        var builder = new RecoveryPlanBuilder().WithName("").WithWave("a", w => w.WithGroups("pg-x").PausingBefore()).WithKnownGroups();
        var draft = builder.BuildDraft();

        var error = Assert.Throws<DomainException>(() => RecoveryPlan.Create("plan-1", draft, builder.KnownGroups(draft), "me", TestIds.Epoch));

        var problems = Assert.IsType<ValidationProblem[]>(error.Details![ValidationProblems.DetailsKey]);
        Assert.Equal([ErrorCodes.MissingField, ErrorCodes.FirstWavePause, ErrorCodes.UnknownProtectionGroup], problems.Select(p => p.Code));
        Assert.Equal(ErrorKind.Validation, error.Kind);
    }

    [Fact]
    public void Update_Valid_ReplacesWavesKeepsIdentity()
    {
        var plan = ThreeWaves().WithId("plan-9").By("alice").Build();
        var draft = plan.ToDraft() with { Waves = [plan.Waves[0]] };

        var updated = plan.Update(draft, new HashSet<string> { "pg-db" }, "bob", TestIds.Epoch.AddDays(1));

        Assert.Equal(("plan-9", 1, "alice", "bob"), (updated.PlanId, updated.Waves.Count, updated.CreatedBy, updated.UpdatedBy));
    }

    [Fact]
    public void CriticalityOf_OverrideAndDefault()
    {
        var wave = new PlanWaveBuilder("a").WithGroups("pg-1").WithDefaultCriticality(ServerCriticality.Optional).WithCriticality(TestIds.SourceServerId(1), ServerCriticality.Critical).Build();

        Assert.Equal(ServerCriticality.Critical, wave.CriticalityOf(TestIds.SourceServerId(1)));
        Assert.Equal(ServerCriticality.Optional, wave.CriticalityOf(TestIds.SourceServerId(2)));
    }
}
