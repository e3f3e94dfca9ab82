using System.Text.Json;
using DrsOrchestrator.Workflow.Contract;

namespace DrsOrchestrator.Workflow.Tests.Definition;

public sealed class OrchestrationContractTests
{
    [Fact]
    public void TaskInput_Deserialize_ReadsThePayloadTheStateMachineSends()
    {
        var json = """{"action":"fail","executionId":"e-1","error":{"Error":"Boom","Cause":"why"}}""";

        var input = JsonSerializer.Deserialize(json, OrchestrationJsonContext.Default.OrchestrationTaskInput);

        Assert.Equal(new OrchestrationTaskInput("fail", "e-1", null, new OrchestrationTaskError("Boom", "why")), input);
    }

    [Fact]
    public void StepResult_Serialize_UsesTheRoutedNamesAndOmitsAbsentWait()
    {
        var plain = JsonSerializer.Serialize(new OrchestrationStepResult("e-1", OrchestrationNextSteps.AwaitWave), OrchestrationJsonContext.Default.OrchestrationStepResult);
        var waiting = JsonSerializer.Serialize(new OrchestrationStepResult("e-1", OrchestrationNextSteps.WaitForCapacity, 45), OrchestrationJsonContext.Default.OrchestrationStepResult);

        Assert.Equal("""{"executionId":"e-1","next":"awaitWave"}""", plain);
        Assert.Equal("""{"executionId":"e-1","next":"waitForCapacity","waitSeconds":45}""", waiting);
    }
}
