namespace DrsOrchestrator.WorkflowRunner.Asl;

/// <summary>The predefined error names of the States language that the runner raises or matches.</summary>
internal static class StatesErrorNames
{
    public const string All = "States.ALL";
    public const string TaskFailed = "States.TaskFailed";
    public const string Timeout = "States.Timeout";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string Runtime = "States.Runtime";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string ParameterPathFailure = "States.ParameterPathFailure";
    public const string LambdaResourceNotFound = "Lambda.ResourceNotFoundException";

    /// <summary>
    /// How Step Functions matches an ErrorEquals entry: States.ALL matches everything but
    /// States.Runtime (which is never retried or caught), States.TaskFailed everything but timeouts,
    /// and States.Timeout also covers a missed heartbeat.
    /// </summary>
    public static bool Matches(IReadOnlyList<string> errorEquals, string error)
    {
        if (error == Runtime)
        {
            return false;
        }

        foreach (var candidate in errorEquals)
        {
            if (candidate == error || candidate == All)
            {
                return true;
            }

            if (candidate == TaskFailed && error != Timeout && error != HeartbeatTimeout)
            {
                return true;
            }

            if (candidate == Timeout && error == HeartbeatTimeout)
            {
                return true;
            }
        }

        return false;
    }
}
