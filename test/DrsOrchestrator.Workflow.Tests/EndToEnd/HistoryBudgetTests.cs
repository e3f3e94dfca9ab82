using DrsOrchestrator.Workflow.Definition;
using Xunit.Abstractions;
using A = DrsOrchestrator.Workflow.Contract.OrchestrationActions;
using N = DrsOrchestrator.Workflow.Contract.OrchestrationNextSteps;

namespace DrsOrchestrator.Workflow.Tests.EndToEnd;

public sealed class HistoryBudgetTests(ITestOutputHelper output)
{
    private const int ServiceHistoryCap = 25_000;

    [Fact]
    public async Task ReconcileLoop_TwentyFourHourWave_StaysFarBelowTheHistoryCap()
    {
        // Arrange: a wave whose events never arrive, so every 300 s the await times out and reconciles.
        const int measuredIterations = 10;
        await using var workflow = new OrchestrationWorkflowHarness();
        var lambda = workflow.Lambda;
        var arn = await workflow.StartAsync("exec-long");
        (await lambda.ExpectAsync(A.Start)).ReplyNext(N.StartWave);
        (await lambda.ExpectAsync(A.StartWave)).ReplyNext(N.AwaitWave);

        // Act
        var eventsAtIteration = new List<int>();
        for (var i = 1; i <= measuredIterations + 1; i++)
        {
            (await lambda.ExpectAsync(A.AwaitWave)).Acknowledge();
            await workflow.WaitForSubmittedAsync(arn, OrchestrationStates.AwaitWave, i);
            eventsAtIteration.Add(workflow.Runner.GetExecutionHistory(arn).Count);
            if (i <= measuredIterations)
            {
                await workflow.Clock.AdvanceToNextTimerAsync(TimeSpan.FromSeconds(10));
                (await lambda.ExpectAsync(A.ReconcileWave)).ReplyNext(N.AwaitWave);
            }
        }

        await workflow.Runner.StopExecutionAsync(arn, null, null, CancellationToken.None);

        // Assert
        var perIteration = eventsAtIteration.Zip(eventsAtIteration.Skip(1), (a, b) => b - a).Distinct().ToList();
        var eventsPerIteration = Assert.Single(perIteration);
        var iterationsPerDay = (int)(TimeSpan.FromDays(1) / TimeSpan.FromSeconds(new OrchestrationStateMachineOptions().AwaitWaveTimeoutSeconds));
        var projected = eventsAtIteration[0] + (eventsPerIteration * iterationsPerDay);
        output.WriteLine($"events per 300 s reconcile iteration: {eventsPerIteration}; 24 h = {iterationsPerDay} iterations -> ~{projected} events of {ServiceHistoryCap} ({100.0 * projected / ServiceHistoryCap:F1}%)");
        Assert.True(projected < ServiceHistoryCap / 4, $"a 24-hour wave would use {projected} of {ServiceHistoryCap} history events");
    }
}
