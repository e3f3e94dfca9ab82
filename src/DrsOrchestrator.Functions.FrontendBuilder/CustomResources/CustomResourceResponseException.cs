namespace DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

/// <summary>The answer could not be delivered; thrown so the Lambda fails and its async retry tries the whole request again.</summary>
internal sealed class CustomResourceResponseException(string message) : Exception(message);
