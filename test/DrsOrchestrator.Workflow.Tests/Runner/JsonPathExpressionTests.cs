using System.Text.Json.Nodes;
using DrsOrchestrator.WorkflowRunner.Asl;

namespace DrsOrchestrator.Workflow.Tests.Runner;

public sealed class JsonPathExpressionTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""{"a":{"b":[10,{"c":"deep"}],"odd key":1},"n":null}""")!;

    [Theory]
    [InlineData("$.a.b[0]", "10")]
    [InlineData("$.a.b[1].c", "\"deep\"")]
    [InlineData("$['a']['odd key']", "1")]
    [InlineData("$.n", "null")]
    public void TryEvaluate_DefinitePath_FindsTheValue(string path, string expectedJson)
    {
        var found = JsonPathExpression.Parse(path, allowContext: false).TryEvaluate(Document, out var value);

        Assert.True(found);
        Assert.Equal(expectedJson, value?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("$.a.x")]
    [InlineData("$.a.b[5]")]
    [InlineData("$.n.x")]
    public void TryEvaluate_MissingPath_ReturnsFalse(string path)
    {
        Assert.False(JsonPathExpression.Parse(path, allowContext: false).TryEvaluate(Document, out _));
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("$..a")]
    [InlineData("$.a[*]")]
    [InlineData("$.a[?(@.b)]")]
    [InlineData("$.a[1:2]")]
    [InlineData("$$.Execution.Id")]
    public void TryParse_UnsupportedOrForbiddenSyntax_IsRejected(string path)
    {
        Assert.False(JsonPathExpression.TryParse(path, allowContext: false, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Place_NestedPathOnObject_CreatesParentsAndLeavesTheInputUntouched()
    {
        var input = JsonNode.Parse("""{"keep":1}""");

        var output = JsonPathExpression.Parse("$.x.y", allowContext: false).Place(input, JsonValue.Create("v"));

        Assert.Equal("""{"keep":1,"x":{"y":"v"}}""", output!.ToJsonString());
        Assert.Equal("""{"keep":1}""", input!.ToJsonString());
    }
}
