using System.Text;
using System.Text.Json.Nodes;
using DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

namespace DrsOrchestrator.FrontendBuilder.Tests.Support;

/// <summary>The event CloudFormation sends, as JSON text (what the Lambda runtime hands the function).</summary>
internal sealed class CustomResourceEventBuilder(Uri responseUrl)
{
    public const string StackId = "arn:aws:cloudformation:eu-west-1:111111111111:stack/drs-orchestrator-dev-Frontend/guid";
    public const string LogicalId = "ConsoleDeployment";

    private string requestType = "Create";
    private string resourceType = "Custom::ConsoleDeployment";
    private string requestId = Guid.NewGuid().ToString();
    private string? physicalId;
    private ConsoleDeploymentProperties properties = new ConsoleDeploymentPropertiesBuilder().Build();

    public string RequestId => requestId;

    public CustomResourceEventBuilder Update(string physicalResourceId)
    {
        requestType = "Update";
        physicalId = physicalResourceId;
        return this;
    }

    public CustomResourceEventBuilder Delete(string physicalResourceId)
    {
        requestType = "Delete";
        physicalId = physicalResourceId;
        return this;
    }

    public CustomResourceEventBuilder WithResourceType(string type)
    {
        resourceType = type;
        return this;
    }

    public CustomResourceEventBuilder WithProperties(ConsoleDeploymentProperties value)
    {
        properties = value;
        return this;
    }

    public string BuildJson()
    {
        var config = properties.AwsConfig;
        var props = new JsonObject
        {
            ["ServiceToken"] = "arn:aws:lambda:eu-west-1:111111111111:function:drs-orchestrator-dev-frontend-builder",
            ["SourceBucket"] = properties.SourceBucket,
            ["SourceKey"] = properties.SourceKey,
            ["BundleHash"] = properties.BundleHash,
            ["TargetBucket"] = properties.TargetBucket,
            ["DistributionId"] = properties.DistributionId,
        };
        if (config is not null)
        {
            props["AwsConfig"] = new JsonObject
            {
                ["region"] = config.Region,
                ["apiUrl"] = config.ApiUrl,
                ["userPoolId"] = config.UserPoolId,
                ["userPoolClientId"] = config.UserPoolClientId,
                ["authMode"] = config.AuthMode,
            };
        }

        var root = new JsonObject
        {
            ["RequestType"] = requestType,
            ["ServiceToken"] = props["ServiceToken"]!.GetValue<string>(),
            ["ResponseURL"] = new Uri(responseUrl, "cfn-response?X-Amz-Signature=abc").ToString(),
            ["StackId"] = StackId,
            ["RequestId"] = requestId,
            ["LogicalResourceId"] = LogicalId,
            ["ResourceType"] = resourceType,
            ["ResourceProperties"] = props,
        };
        if (physicalId is not null)
        {
            root["PhysicalResourceId"] = physicalId;
        }

        return root.ToJsonString();
    }

    public Stream BuildStream() => new MemoryStream(Encoding.UTF8.GetBytes(BuildJson()));
}
