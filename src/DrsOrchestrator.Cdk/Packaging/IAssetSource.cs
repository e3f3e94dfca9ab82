namespace DrsOrchestrator.Cdk.Packaging;

/// <summary>Where the folders behind <c>Code.FromAsset</c> and the console bundle come from.</summary>
internal interface IAssetSource
{
    /// <summary>A folder holding the published function (handler assembly + runtimeconfig).</summary>
    string FunctionDirectory(LambdaProject project);

    /// <summary>A folder holding the built console (index.html and its assets).</summary>
    string ConsoleDirectory();
}
