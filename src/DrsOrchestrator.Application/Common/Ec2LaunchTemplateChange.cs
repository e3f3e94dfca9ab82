namespace DrsOrchestrator.Application.Common;

/// <summary>The launch-template members a server's launch settings ask for; null members keep the template's value.</summary>
/// <param name="InstanceProfile">An instance profile name or ARN.</param>
internal sealed record Ec2LaunchTemplateChange(string? SubnetId, IReadOnlyList<string>? SecurityGroupIds, string? InstanceType, string? InstanceProfile);
