using System.Net;
using DrsOrchestrator.Aws.Tests.Wire;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Workflow;

namespace DrsOrchestrator.Aws.Tests.StepFunctions;

public sealed class StepFunctionsClientErrorTests
{
    [Fact]
    public async Task SendTaskSuccessAsync_StaleToken_ThrowsStaleWorkflowClientException()
    {
        // Arrange
        var handler = new ScriptedHandler().Then(HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.swf.service#TaskTimedOut","message":"Task Timed Out"}""");
        var client = Client(handler);

        // Act
        var error = await Assert.ThrowsAsync<WorkflowClientException>(() => client.SendTaskSuccessAsync("token", "{}", default));

        // Assert
        Assert.Equal(WorkflowErrors.TaskTimedOut, error.ErrorName);
        Assert.True(error.IsStale);
    }

    [Fact]
    public async Task StartExecutionAsync_NameAlreadyUsed_ThrowsExecutionAlreadyExists()
    {
        // Arrange
        var handler = new ScriptedHandler().Then(HttpStatusCode.BadRequest, """{"__type":"ExecutionAlreadyExists","message":"Execution Already Exists"}""");
        var client = Client(handler);

        // Act
        var error = await Assert.ThrowsAsync<WorkflowClientException>(() => client.StartExecutionAsync("arn:aws:states:us-east-1:111111111111:stateMachine:m", "exec-1", "{}", default));

        // Assert
        Assert.Equal(WorkflowErrors.ExecutionAlreadyExists, error.ErrorName);
        Assert.False(error.IsStale);
    }

    [Fact]
    public async Task StopExecutionAsync_ServerErrorAfterRetries_StaysAwsServiceException()
    {
        // Arrange
        var handler = new ScriptedHandler().Then(HttpStatusCode.InternalServerError, """{"__type":"InternalFailure","message":"boom"}""");
        var client = Client(handler);

        // Act
        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => client.StopExecutionAsync("arn:exec", null, null, default));

        // Assert
        Assert.Equal(500, error.StatusCode);
    }

    private static IWorkflowClient Client(ScriptedHandler handler) =>
        AwsClients.StepFunctions(
            "us-east-1",
            new StaticCredentialSource("AKIASIM111111111111", "secret"),
            new AwsClientOptions(new Uri("http://127.0.0.1:9"), RetryOptions.None, HttpClient: new HttpClient(handler)));
}
