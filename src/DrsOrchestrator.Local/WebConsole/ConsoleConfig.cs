namespace DrsOrchestrator.Local.WebConsole;

/// <summary>The console's /aws-config.json on the local host: same shape as the one the frontend builder writes in AWS.</summary>
internal sealed record ConsoleConfig(string Region, string ApiUrl, string UserPoolId, string UserPoolClientId, string AuthMode);
