using System.Text.Json.Nodes;
using DrsOrchestrator.Workflow.Tests.Support;
using DrsOrchestrator.WorkflowRunner;

namespace DrsOrchestrator.Workflow.Tests.Runner;

public sealed class RetryAndCatchTests
{
    /// <summary>Fails the first <paramref name="failures"/> calls with <paramref name="error"/>, then returns {"ok":true}.</summary>
    private static Func<JsonNode, CancellationToken, Task<JsonNode>> FailingHandler(int failures, Func<Exception> error, Action? onCall = null)
    {
        var calls = 0;
        return (_, _) =>
        {
            onCall?.Invoke();
            if (Interlocked.Increment(ref calls) <= failures)
            {
                throw error();
            }

            return Task.FromResult<JsonNode>(new JsonObject { ["ok"] = true });
        };
    }

    private static List<TimeSpan> GapsBetweenAttempts(LocalWorkflowRunner runner, string arn)
    {
        var scheduled = runner.GetExecutionHistory(arn).Where(e => e.Type == "TaskScheduled").Select(e => e.Timestamp).ToList();
        return scheduled.Zip(scheduled.Skip(1), (a, b) => b - a).ToList();
    }

    private static async Task DriveTimersUntilDoneAsync(RunnerHarness harness, string arn)
    {
        while ((await harness.Runner.DescribeExecutionAsync(arn, CancellationToken.None)).Status == ExecutionStatuses.Running)
        {
            var completion = harness.Runner.WaitForCompletionAsync(arn, RunnerHarness.Patience);
            var timer = harness.Clock.AdvanceToNextTimerAsync(RunnerHarness.Patience);
            await Task.WhenAny(completion, timer);
        }
    }

    [Fact]
    public async Task Retry_ExponentialBackoff_WaitsIntervalTimesRateToThePowerOfAttempt()
    {
        // Arrange
        var calls = 0;
        await using var harness = new RunnerHarness(FailingHandler(3, () => new TimeoutException("flaky"), () => Interlocked.Increment(ref calls)));
        var definition = Asl.Machine(("T", Asl.LambdaTask(extra: new JsonObject
        {
            ["Retry"] = new JsonArray(Asl.Retry("TimeoutException", interval: 1, maxAttempts: 3, backoff: 2.0)),
        })));
        var arn = await harness.StartAsync(harness.Load(definition));

        // Act
        await DriveTimersUntilDoneAsync(harness, arn);
        var result = await harness.Runner.DescribeExecutionAsync(arn, CancellationToken.None);

        // Assert
        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(4, calls);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], GapsBetweenAttempts(harness.Runner, arn));
    }

    [Fact]
    public async Task Retry_MaxDelaySeconds_CapsTheBackoff()
    {
        await using var harness = new RunnerHarness(FailingHandler(4, () => new TimeoutException("flaky")));
        var definition = Asl.Machine(("T", Asl.LambdaTask(extra: new JsonObject
        {
            ["Retry"] = new JsonArray(Asl.Retry("States.ALL", interval: 2, maxAttempts: 5, backoff: 3.0, maxDelay: 10)),
        })));
        var arn = await harness.StartAsync(harness.Load(definition));

        await DriveTimersUntilDoneAsync(harness, arn);

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)], GapsBetweenAttempts(harness.Runner, arn));
    }

    [Fact]
    public async Task Retry_FullJitter_WaitsNoLongerThanTheBackoffAndVaries()
    {
        await using var harness = new RunnerHarness(FailingHandler(4, () => new TimeoutException("flaky")), new LocalWorkflowRunnerOptions(Random: new Random(7)));
        var definition = Asl.Machine(("T", Asl.LambdaTask(extra: new JsonObject
        {
            ["Retry"] = new JsonArray(Asl.Retry("States.ALL", interval: 8, maxAttempts: 4, backoff: 1.0, jitter: "FULL")),
        })));
        var arn = await harness.StartAsync(harness.Load(definition));

        await DriveTimersUntilDoneAsync(harness, arn);

        var gaps = GapsBetweenAttempts(harness.Runner, arn);
        Assert.Equal(4, gaps.Count);
        Assert.All(gaps, g => Assert.InRange(g, TimeSpan.Zero, TimeSpan.FromSeconds(8)));
        Assert.True(gaps.Distinct().Count() > 1, "FULL jitter should spread the delays");
    }

    [Fact]
    public async Task Retry_AttemptsExhausted_CatchReceivesTheErrorAtResultPath()
    {
        // Arrange
        var calls = 0;
        await using var harness = new RunnerHarness(FailingHandler(int.MaxValue, () => new InvalidOperationException("still broken"), () => Interlocked.Increment(ref calls)));
        var definition = Asl.Machine(
            ("T", Asl.LambdaTask(next: "Ok", extra: new JsonObject
            {
                ["Retry"] = new JsonArray(Asl.Retry("InvalidOperationException", interval: 1, maxAttempts: 2, backoff: 1.0)),
                ["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["ResultPath"] = "$.error", ["Next"] = "Handled" }),
            })),
            ("Ok", Asl.Succeed()),
            ("Handled", Asl.Succeed()));
        var arn = await harness.StartAsync(harness.Load(definition), """{"executionId":"e-1"}""");

        // Act
        await DriveTimersUntilDoneAsync(harness, arn);
        var result = await harness.Runner.DescribeExecutionAsync(arn, CancellationToken.None);

        // Assert
        Assert.Equal(3, calls);
        var output = JsonNode.Parse(result.Output!)!;
        Assert.Equal("e-1", output["executionId"]!.GetValue<string>());
        Assert.Equal("InvalidOperationException", output["error"]!["Error"]!.GetValue<string>());
        var cause = JsonNode.Parse(output["error"]!["Cause"]!.GetValue<string>())!;
        Assert.Equal("still broken", cause["errorMessage"]!.GetValue<string>());
        Assert.Contains(harness.Runner.GetExecutionHistory(arn), e => e.Type == "SucceedStateEntered" && e.StateName == "Handled");
    }

    [Fact]
    public async Task Retry_ErrorNotListed_IsNotRetried()
    {
        var calls = 0;
        await using var harness = new RunnerHarness(FailingHandler(1, () => new ArgumentException("bad input"), () => Interlocked.Increment(ref calls)));
        var definition = Asl.Machine(("T", Asl.LambdaTask(extra: new JsonObject
        {
            ["Retry"] = new JsonArray(Asl.Retry("TimeoutException", interval: 1, maxAttempts: 3, backoff: 2.0)),
        })));

        var result = await harness.RunAsync(definition);

        Assert.Equal(1, calls);
        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal("ArgumentException", result.Error);
    }

    [Fact]
    public async Task WorkflowTaskException_ExactErrorName_MatchesRetryOnLambdaServiceErrors()
    {
        var calls = 0;
        await using var harness = new RunnerHarness(FailingHandler(
            1,
            () => new WorkflowTaskException("Lambda.TooManyRequestsException", "Rate exceeded"),
            () => Interlocked.Increment(ref calls)));
        var definition = Asl.Machine(("T", Asl.LambdaTask(extra: new JsonObject
        {
            ["Retry"] = new JsonArray(Asl.Retry("Lambda.TooManyRequestsException", interval: 1, maxAttempts: 1, backoff: 1.0)),
        })));
        var arn = await harness.StartAsync(harness.Load(definition));

        await DriveTimersUntilDoneAsync(harness, arn);

        Assert.Equal(2, calls);
        Assert.Equal(ExecutionStatuses.Succeeded, (await harness.Runner.DescribeExecutionAsync(arn, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Catch_StatesRuntimeError_IsNeverCaught()
    {
        // Arrange: the payload path is missing, a States.Runtime error, which even States.ALL does not catch.
        await using var harness = new RunnerHarness();
        var definition = Asl.Machine(
            ("T", Asl.LambdaTask(new JsonObject { ["x.$"] = "$.missing" }, next: "Ok", extra: new JsonObject
            {
                ["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["Next"] = "Ok" }),
            })),
            ("Ok", Asl.Succeed()));

        // Act
        var result = await harness.RunAsync(definition);

        // Assert
        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error);
    }
}
