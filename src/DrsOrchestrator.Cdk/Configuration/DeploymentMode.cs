namespace DrsOrchestrator.Cdk.Configuration;

/// <summary>The three supported shapes of a hub deployment, derived from the context flags.</summary>
internal enum DeploymentMode
{
    /// <summary>API, console (S3 + CloudFront) and an orchestration role created by the stack.</summary>
    Full,

    /// <summary>API and engine only; automation drives the REST API, no console is hosted.</summary>
    ApiOnly,

    /// <summary>The orchestration function runs under a role the customer manages outside this app.</summary>
    ExternalRole,
}
