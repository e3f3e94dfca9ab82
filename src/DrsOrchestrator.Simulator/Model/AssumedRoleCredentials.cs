namespace DrsOrchestrator.Simulator.Model;

/// <summary>What AssumeRole hands out; the simulator recognises these keys on later calls.</summary>
public sealed record AssumedRoleCredentials(
    string AccessKeyId,
    string SecretAccessKey,
    string SessionToken,
    DateTimeOffset Expiration,
    string AssumedRoleId,
    string AssumedRoleArn,
    string AccountId);
