using System.Text.Json.Nodes;
using DrsOrchestrator.Cdk.Tests.Fixtures;

namespace DrsOrchestrator.Cdk.Tests.Tooling;

[Collection(SynthesizedAppsCollection.Name)]
public sealed class CdkNagTests(FullAppFixture full, ApiOnlyAppFixture apiOnly, ExternalRoleAppFixture external)
{
    [Fact]
    public void AwsSolutions_FullModeTemplates_NoUnsuppressedErrors()
    {
        // Arrange
        var directory = full.OutputDirectory;

        // Act
        var report = NagReport.Run(directory);

        // Assert
        Assert.True(report.Errors.Count == 0, string.Join(Environment.NewLine, report.Errors));
        Assert.Empty(report.InvalidSuppressions);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(full.TemplateFiles().Count(), report.TemplateCount);
    }

    [Fact]
    public void AwsSolutions_ApiOnlyAndExternalRoleTemplates_NoUnsuppressedErrors()
    {
        // Arrange
        var directories = new[] { apiOnly.OutputDirectory, external.OutputDirectory };

        // Act
        var report = NagReport.Run(directories);

        // Assert
        Assert.True(report.Errors.Count == 0, string.Join(Environment.NewLine, report.Errors));
        Assert.Empty(report.InvalidSuppressions);
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void Check_UnsuppressedFinding_FailsAndSuppressionWithReasonIsHonoured()
    {
        // Arrange: a queue with no DLQ (SQS3) and no TLS policy (SQS4); only SQS3 is suppressed.
        var file = WriteTemplate(new JsonObject
        {
            ["Type"] = "AWS::SQS::Queue",
            ["Properties"] = new JsonObject { ["SqsManagedSseEnabled"] = true },
            ["Metadata"] = Suppress("AwsSolutions-SQS3", "A test queue that is itself a dead-letter queue."),
        });

        // Act
        var report = NagReport.Run(file);

        // Assert
        Assert.Equal(1, report.ExitCode);
        Assert.Contains(report.Errors, e => e.Contains("AwsSolutions-SQS4", StringComparison.Ordinal));
        Assert.Contains("AwsSolutions-SQS3", report.SuppressedRules);
    }

    [Fact]
    public void Check_SuppressionWithoutReason_IsReportedInvalid()
    {
        // Arrange
        var file = WriteTemplate(new JsonObject
        {
            ["Type"] = "AWS::SQS::Queue",
            ["Properties"] = new JsonObject { ["SqsManagedSseEnabled"] = true },
            ["Metadata"] = Suppress("AwsSolutions-SQS3", "because"),
        });

        // Act
        var report = NagReport.Run(file);

        // Assert
        Assert.Single(report.InvalidSuppressions);
        Assert.Equal(1, report.ExitCode);
    }

    private static JsonObject Suppress(string id, string reason) => new()
    {
        ["cdk_nag"] = new JsonObject
        {
            ["rules_to_suppress"] = new JsonArray { new JsonObject { ["id"] = id, ["reason"] = reason } },
        },
    };

    private static string WriteTemplate(JsonObject resource)
    {
        var directory = Directory.CreateTempSubdirectory("drs-cdk-nag-").FullName;
        var file = Path.Combine(directory, "Probe.template.json");
        var template = new JsonObject { ["Resources"] = new JsonObject { ["Queue"] = resource } };
        File.WriteAllText(file, template.ToJsonString());
        return file;
    }
}
