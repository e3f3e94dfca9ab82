namespace DrsOrchestrator.Domain.Common;

/// <summary>
/// Stable error codes. They are the API's contract with scripts and the console: add new ones,
/// never rename or reuse one.
/// </summary>
public static class ErrorCodes
{
    // Input
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string InvalidJson = "INVALID_JSON";
    public const string MissingField = "MISSING_FIELD";
    public const string InvalidField = "INVALID_FIELD";
    public const string UnknownField = "UNKNOWN_FIELD";
    public const string InvalidId = "INVALID_ID";
    public const string InvalidPaginationToken = "INVALID_PAGINATION_TOKEN";

    // Identity
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";

    // Existence
    public const string NotFound = "NOT_FOUND";
    public const string ProtectionGroupNotFound = "PG_NOT_FOUND";
    public const string RecoveryPlanNotFound = "PLAN_NOT_FOUND";
    public const string ExecutionNotFound = "EXECUTION_NOT_FOUND";
    public const string AccountNotFound = "ACCOUNT_NOT_FOUND";
    public const string SourceServerNotFound = "SOURCE_SERVER_NOT_FOUND";
    public const string RouteNotFound = "ROUTE_NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    // Protection groups
    public const string ProtectionGroupNameExists = "PG_NAME_EXISTS";
    public const string ServerConflict = "SERVER_CONFLICT";
    public const string TagConflict = "TAG_CONFLICT";
    public const string ProtectionGroupInUse = "PG_IN_USE";
    public const string InvalidServerSelection = "INVALID_SERVER_SELECTION";
    public const string InvalidLaunchSettings = "INVALID_LAUNCH_SETTINGS";
    public const string InvalidTagCriteria = "INVALID_TAG_CRITERIA";
    public const string DuplicateSourceServer = "DUPLICATE_SOURCE_SERVER";
    public const string OverrideForUnselectedServer = "OVERRIDE_FOR_UNSELECTED_SERVER";

    // Recovery plans
    public const string PlanNameExists = "PLAN_NAME_EXISTS";
    public const string PlanHasNoWaves = "PLAN_HAS_NO_WAVES";
    public const string InvalidWave = "INVALID_WAVE";
    public const string WaveDependencyCycle = "WAVE_DEPENDENCY_CYCLE";
    public const string WaveForwardDependency = "WAVE_FORWARD_DEPENDENCY";
    public const string UnknownProtectionGroup = "UNKNOWN_PROTECTION_GROUP";
    public const string PlanHasActiveExecution = "PLAN_HAS_ACTIVE_EXECUTION";
    public const string DuplicateWaveName = "DUPLICATE_WAVE_NAME";
    public const string DuplicateWaveGroup = "DUPLICATE_WAVE_GROUP";
    public const string UnknownWaveDependency = "UNKNOWN_WAVE_DEPENDENCY";
    public const string FirstWavePause = "FIRST_WAVE_PAUSE";
    public const string InvalidRecoveryObjective = "INVALID_RECOVERY_OBJECTIVE";

    // Executions
    public const string InvalidStateTransition = "INVALID_STATE_TRANSITION";
    public const string ExecutionNotActive = "EXECUTION_NOT_ACTIVE";
    public const string ExecutionActive = "EXECUTION_ACTIVE";
    public const string ExecutionEventsPending = "EXECUTION_EVENTS_PENDING";
    public const string RecoveryConfirmationRequired = "RECOVERY_CONFIRMATION_REQUIRED";
    public const string DrillOnly = "DRILL_ONLY";
    public const string UnknownWave = "UNKNOWN_WAVE";
    public const string UnknownJob = "UNKNOWN_JOB";
    public const string TerminationNotAllowed = "TERMINATION_NOT_ALLOWED";

    // Concurrency and limits
    public const string VersionConflict = "VERSION_CONFLICT";
    public const string QuotaExceeded = "QUOTA_EXCEEDED";
    public const string QuotaUnknown = "QUOTA_UNKNOWN";
    public const string Throttled = "THROTTLED";
    public const string LimitExceeded = "LIMIT_EXCEEDED";

    // Accounts and upstream
    public const string AccountExists = "ACCOUNT_EXISTS";
    public const string AccountInUse = "ACCOUNT_IN_USE";
    public const string InvalidAccount = "INVALID_ACCOUNT";
    public const string InvalidRoleArn = "INVALID_ROLE_ARN";
    public const string RoleAccountMismatch = "ROLE_ACCOUNT_MISMATCH";
    public const string InvalidRegion = "INVALID_REGION";
    public const string AssumeRoleFailed = "ASSUME_ROLE_FAILED";
    public const string DrsError = "DRS_ERROR";
    public const string UpstreamError = "UPSTREAM_ERROR";
    public const string InternalError = "INTERNAL_ERROR";
    public const string ImportInvalid = "IMPORT_INVALID";
}
