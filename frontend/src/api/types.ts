// Wire shapes of the REST API, aligned with src/DrsOrchestrator.Functions.Api (Json/ApiJsonContext.cs,
// Endpoints/**) and the domain records it returns. JSON is camelCase; enums are UPPER_SNAKE strings.
// Request bodies are strict on the server (unknown members are refused with 400), so request types
// list exactly the members the API binds and nothing else.

export type ExecutionType = 'DRILL' | 'RECOVERY';

export type ExecutionStatus = 'PENDING' | 'RUNNING' | 'PAUSED' | 'CANCELLING' | 'COMPLETED' | 'PARTIAL' | 'FAILED' | 'CANCELLED';

export type WaveStatus = 'PENDING' | 'STARTING' | 'LAUNCHING' | 'COMPLETED' | 'PARTIAL' | 'FAILED' | 'SKIPPED' | 'CANCELLED';

export type ServerLaunchStatus = 'NOT_STARTED' | 'PENDING' | 'IN_PROGRESS' | 'LAUNCHED' | 'FAILED' | 'TERMINATED';

export type Criticality = 'CRITICAL' | 'OPTIONAL';

export type InvocationSource = 'CONSOLE' | 'API' | 'SCHEDULE';

export interface Page<T> {
  items: T[];
  nextToken?: string | null;
}

export interface ListParams {
  limit?: number;
  nextToken?: string;
}

/** Where DRS calls go: every DRS and EC2 read is scoped to one account and region. */
export interface Location {
  accountId: string;
  region: string;
}

export interface UserProfile {
  sub: string;
  email: string | null;
  groups: string[];
  permissions: string[];
}

// ---- Protection groups -------------------------------------------------------------------------

export interface TagCriterion {
  key: string;
  value: string;
}

export type ServerSelectionMode = 'SOURCE_SERVER_IDS' | 'TAGS';

/** Exactly one of the lists is used, as `mode` says; the other must be empty or absent. */
export interface ServerSelection {
  mode: ServerSelectionMode;
  sourceServerIds?: string[] | null;
  tagCriteria?: TagCriterion[] | null;
}

export type RightSizingMethod = 'NONE' | 'BASIC' | 'IN_AWS';
export type LaunchDisposition = 'STOPPED' | 'STARTED';
export type LicensingModel = 'BYOL' | 'LICENSE_INCLUDED';

/** Group launch settings (LaunchSettingsDto): every member optional, null leaves what DRS has. */
export interface LaunchSettings {
  subnetId?: string | null;
  securityGroupIds?: string[] | null;
  instanceType?: string | null;
  rightSizing?: RightSizingMethod | null;
  copyPrivateIp?: boolean | null;
  copyTags?: boolean | null;
  launchDisposition?: LaunchDisposition | null;
  licensing?: LicensingModel | null;
  instanceProfile?: string | null;
}

export interface ProtectionGroup {
  groupId: string;
  name: string;
  description: string;
  accountId: string;
  region: string;
  selection: ServerSelection;
  launchSettings: LaunchSettings;
  /** Per source server ID. */
  serverOverrides: Record<string, LaunchSettings>;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  version: number;
}

/** CreateProtectionGroupRequest. */
export interface ProtectionGroupInput {
  name: string;
  accountId: string;
  region: string;
  selection: ServerSelection;
  description?: string | null;
  launchSettings?: LaunchSettings | null;
  serverOverrides?: Record<string, LaunchSettings> | null;
}

/** UpdateProtectionGroupRequest: the version read; a stale one gets 409 VERSION_CONFLICT. */
export interface ProtectionGroupUpdate extends ProtectionGroupInput {
  version: number;
}

export interface ResolveRequest {
  accountId: string;
  region: string;
  tagCriteria: TagCriterion[];
}

export interface ResolveResult {
  accountId: string;
  region: string;
  scannedServers: number;
  /** `protectionGroupId` names a group that already selects the server. */
  matches: SourceServer[];
}

export interface GroupLaunchConfiguration {
  groupId: string;
  launchSettings: LaunchSettings;
  serverOverrides: Record<string, LaunchSettings>;
  version: number;
}

export interface GroupLaunchConfigurationInput {
  version: number;
  launchSettings: LaunchSettings;
  serverOverrides?: Record<string, LaunchSettings> | null;
}

export interface LaunchApplyOutcome {
  sourceServerId: string;
  status: 'UPDATED' | 'UNCHANGED' | 'FAILED';
  /** The refusing service's own code (e.g. EC2's InvalidSubnetID.NotFound) when FAILED. */
  errorCode: string | null;
  error: string | null;
}

export interface LaunchApplyResult {
  groupId: string;
  updated: number;
  unchanged: number;
  failed: number;
  /** DRS launch-configuration members through DRS; subnet, security groups, type and profile through the EC2 launch template. */
  servers: LaunchApplyOutcome[];
}

// ---- Recovery plans ----------------------------------------------------------------------------

/** PlanWaveDto. A wave is identified by its name (unique in the plan); dependsOn lists earlier waves' names. */
export interface Wave {
  name: string;
  protectionGroupIds: string[];
  description?: string | null;
  pauseBefore?: boolean | null;
  dependsOn?: string[] | null;
  /** CRITICAL when absent. */
  defaultCriticality?: Criticality | null;
  /** Per source server ID. */
  criticalityOverrides?: Record<string, Criticality> | null;
}

export interface RecoveryPlan {
  planId: string;
  name: string;
  description: string;
  waves: Wave[];
  rtoTargetMinutes: number | null;
  rpoTargetMinutes: number | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  version: number;
}

/** CreateRecoveryPlanRequest. */
export interface RecoveryPlanInput {
  name: string;
  waves: Wave[];
  description?: string | null;
  rtoTargetMinutes?: number | null;
  rpoTargetMinutes?: number | null;
}

/** UpdateRecoveryPlanRequest. */
export interface RecoveryPlanUpdate extends RecoveryPlanInput {
  version: number;
}

export type ReadinessStatus = 'PASS' | 'SKIPPED' | 'WARN' | 'UNKNOWN' | 'FAIL';

export interface ReadinessFinding {
  subject: string;
  status: ReadinessStatus;
  message: string;
}

export interface ReadinessCheck {
  /** SERVERS_EXIST | REPLICATION_HEALTHY | REPLICATION_LAG | LAUNCH_SETTINGS | QUOTAS | NO_CONFLICTS. */
  name: string;
  status: ReadinessStatus;
  message: string;
  findings: ReadinessFinding[];
}

export interface PlanReadiness {
  planId: string;
  planName: string;
  /** False when any check failed or is unknown: an unreadable quota never counts as ready. */
  ready: boolean;
  status: ReadinessStatus;
  serverCount: number;
  checkedAt: string;
  checks: ReadinessCheck[];
}

export interface ExistingInstance {
  sourceServerId: string;
  accountId: string;
  region: string;
  waveName: string;
  recoveryInstanceId: string;
  ec2InstanceId: string | null;
  ec2InstanceState: string | null;
  isDrill: boolean;
  jobId: string | null;
}

export interface ExistingInstancesReport {
  planId: string;
  serversChecked: number;
  instances: ExistingInstance[];
  /** account/region pairs whose recovery instances could not be read. */
  unreadableLocations: string[];
}

/** ExecutePlanRequest. A RECOVERY is refused for drill-only callers (403 DRILL_ONLY). */
export interface ExecuteRequest {
  type: ExecutionType;
  pauseBeforeFirstWave?: boolean | null;
  invocationSource?: 'CONSOLE' | 'API' | null;
}

// ---- Executions --------------------------------------------------------------------------------

export interface ExecutionSummary {
  executionId: string;
  planId: string;
  planName: string;
  type: ExecutionType;
  status: ExecutionStatus;
  initiatedBy: string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  /** Zero-based position of the wave in flight or last started. */
  currentWaveIndex: number | null;
  waveCount: number;
  version: number;
}

export type DrsJobStatus = 'PENDING' | 'STARTED' | 'COMPLETED';

export interface DrsJobRecord {
  requestId: string;
  accountId: string;
  region: string;
  sourceServerIds: string[];
  jobId: string | null;
  status: DrsJobStatus | null;
  intentRecordedAt: string;
  startedAt: string | null;
  endedAt: string | null;
}

export interface ServerRecord {
  sourceServerId: string;
  accountId: string;
  region: string;
  criticality: Criticality;
  launchStatus: ServerLaunchStatus;
  jobId: string | null;
  recoveryInstanceId: string | null;
  ec2InstanceId: string | null;
  launchStartedAt: string | null;
  launchEndedAt: string | null;
  failureReason: string | null;
}

export interface WaveRecord {
  waveIndex: number;
  name: string;
  status: WaveStatus;
  startedAt: string | null;
  endedAt: string | null;
  jobs: DrsJobRecord[];
  servers: ServerRecord[];
  failureReason: string | null;
}

export type TerminationStatus = 'NOT_REQUESTED' | 'REQUESTED' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface TerminationState {
  status: TerminationStatus;
  requestedBy: string | null;
  requestedAt: string | null;
  jobIds: string[];
  endedAt: string | null;
  message: string | null;
}

export type AuditAction =
  | 'CREATED'
  | 'STARTED'
  | 'WAVE_STARTED'
  | 'JOB_STARTED'
  | 'WAVE_ENDED'
  | 'PAUSE_REQUESTED'
  | 'PAUSED'
  | 'RESUMED'
  | 'CANCEL_REQUESTED'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'TERMINATE_REQUESTED'
  | 'TERMINATION_STARTED'
  | 'TERMINATION_COMPLETED'
  | 'TERMINATION_FAILED';

export interface AuditEntry {
  at: string;
  actor: string;
  action: AuditAction;
  waveIndex: number | null;
  detail: string | null;
}

export interface QuotaFigures {
  quota: string;
  limit: number;
  inUse: number;
  requested: number;
}

/** Only on a start: DRS capacity for the largest wave. INSUFFICIENT still starts (jobs wait for capacity). */
export interface QuotaCheckResult {
  verdict: 'SUFFICIENT' | 'INSUFFICIENT' | 'UNKNOWN';
  reason: string | null;
  location: Location | null;
  figures: QuotaFigures[];
}

/** ExecutionView. */
export interface Execution {
  executionId: string;
  planId: string;
  planName: string;
  type: ExecutionType;
  status: ExecutionStatus;
  initiatedBy: string;
  invocationSource: InvocationSource;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  currentWaveIndex: number | null;
  pauseRequested: boolean;
  pauseBeforeFirstWave: boolean;
  waves: WaveRecord[];
  failureCause: string | null;
  termination: TerminationState;
  audit: AuditEntry[];
  version: number;
  quota: QuotaCheckResult | null;
}

export interface ExecutionFilter extends ListParams {
  status?: ExecutionStatus;
  type?: ExecutionType;
  planId?: string;
}

export interface JobLogEventData {
  sourceServerId: string | null;
  conversionServerId: string | null;
  targetInstanceId: string | null;
  rawError: string | null;
}

export interface JobLogItem {
  event: string | null;
  eventData: JobLogEventData | null;
  logDateTime: string | null;
}

export interface ExecutionJobLog {
  jobId: string;
  waveName: string;
  accountId: string;
  region: string;
  items: JobLogItem[];
  /** Why the job's log could not be read, or null. */
  error: string | null;
}

export interface ExecutionJobLogs {
  executionId: string;
  jobs: ExecutionJobLog[];
}

export interface ExecutionRecoveryInstance {
  sourceServerId: string;
  waveName: string;
  accountId: string;
  region: string;
  recoveryInstanceId: string;
  ec2InstanceId: string | null;
  ec2InstanceState: string | null;
  isDrill: boolean | null;
  launchStatus: ServerLaunchStatus;
  jobId: string | null;
}

export interface ExecutionRecoveryInstances {
  executionId: string;
  items: ExecutionRecoveryInstance[];
}

export interface TerminationStatusView {
  executionId: string;
  termination: TerminationState;
  instancesRemaining: number;
}

/** TerminateInstancesRequest: a RECOVERY's instances need confirmRecovery (422 RECOVERY_CONFIRMATION_REQUIRED). */
export interface TerminateRequest {
  confirmRecovery?: boolean | null;
}

export interface BulkDeleteResult {
  deleted: string[];
  notFound: string[];
  refused: { executionId: string; code: string; message: string }[];
}

/** The evidence report is downloaded as it is; the console reads only these members. */
export interface ExecutionReport {
  executionId: string;
  planName: string;
  rtoTargetMinutes: number | null;
  actualMinutes: number | null;
  rtoMet: boolean | null;
  generatedAt: string;
  [member: string]: unknown;
}

// ---- DRS inventory -----------------------------------------------------------------------------

export interface SourceServer {
  sourceServerId: string;
  arn: string | null;
  hostname: string | null;
  ipAddresses: string[];
  operatingSystem: string | null;
  tags: Record<string, string>;
  replicationState: string | null;
  replicationLagSeconds: number | null;
  lastLaunchResult: string | null;
  recoveryInstanceId: string | null;
  stagingAccountId: string | null;
  recommendedInstanceType: string | null;
  /** The protection group that selects the server, or null when unassigned. */
  protectionGroupId: string | null;
}

export interface SourceServerPage extends Page<SourceServer> {
  accountId: string;
  region: string;
  /** Servers matching the filters across all pages. */
  total: number;
}

export interface ServerFilter extends ListParams, Location {
  search?: string;
  replicationState?: string;
  /** key=value pairs; every pair must match. */
  tags?: TagCriterion[];
  unassigned?: boolean;
}

/** A server's DRS launch configuration (GetLaunchConfiguration). */
export interface DrsLaunchConfiguration {
  sourceServerId: string;
  name: string | null;
  ec2LaunchTemplateId: string | null;
  copyPrivateIp: boolean | null;
  copyTags: boolean | null;
  launchDisposition: LaunchDisposition | null;
  targetInstanceTypeRightSizingMethod: RightSizingMethod | null;
  osByol: boolean | null;
  postLaunchEnabled: boolean | null;
  launchIntoEc2InstanceId: string | null;
}

/** PutLaunchConfigurationRequest: a partial update; members left out keep their DRS value. */
export interface DrsLaunchConfigurationUpdate {
  name?: string | null;
  copyPrivateIp?: boolean | null;
  copyTags?: boolean | null;
  launchDisposition?: LaunchDisposition | null;
  targetInstanceTypeRightSizingMethod?: RightSizingMethod | null;
  osByol?: boolean | null;
  postLaunchEnabled?: boolean | null;
}

export interface ServerTags {
  sourceServerId: string;
  tags: Record<string, string>;
}

/** PutTagsRequest: tags to add or overwrite, keys to remove. */
export interface TagChange {
  set?: Record<string, string> | null;
  remove?: string[] | null;
}

export type QuotaStatus = 'OK' | 'NEAR_LIMIT' | 'AT_LIMIT' | 'UNKNOWN' | 'STATIC';

export interface QuotaLine {
  /** sourceServersPerJob | concurrentJobs | serversInActiveJobs | replicatingServers. */
  name: string;
  limit: number;
  /** Null when DRS could not be read: unknown, never zero. */
  inUse: number | null;
  available: number | null;
  status: QuotaStatus;
}

export interface QuotaReport {
  accountId: string;
  region: string;
  quotas: QuotaLine[];
  sourceServers: number | null;
  /** Why usage could not be read, or null. */
  error: string | null;
  readAt: string;
}

export interface CapacityView {
  locations: QuotaReport[];
  /** Locations whose usage could not be read. */
  unreadable: number;
  generatedAt: string;
}

export type AccountValidationState = 'UNVALIDATED' | 'VALID' | 'INVALID';

export interface AccountValidation {
  state: AccountValidationState;
  message: string | null;
  checkedAt: string | null;
}

export interface DrsAccount {
  accountId: string;
  name: string;
  regions: string[];
  validation: AccountValidation;
}

export interface DrsJobLogs {
  jobId: string;
  accountId: string;
  region: string;
  items: JobLogItem[];
}

// ---- Accounts ----------------------------------------------------------------------------------

export interface TargetAccount {
  accountId: string;
  name: string;
  roleArn: string;
  externalId: string;
  regions: string[];
  validation: AccountValidation;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  version: number;
}

export interface TargetAccountInput {
  accountId: string;
  name: string;
  roleArn: string;
  externalId: string;
  regions: string[];
}

export interface TargetAccountUpdate {
  version: number;
  name: string;
  roleArn: string;
  externalId: string;
  regions: string[];
}

export interface RegionAccessResult {
  region: string;
  assumedRole: boolean;
  drsReachable: boolean;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface AccountValidationResult {
  accountId: string;
  valid: boolean;
  regions: RegionAccessResult[];
  checkedAt: string;
  account: TargetAccount;
}

// ---- EC2 pickers -------------------------------------------------------------------------------

export interface Ec2Subnet {
  subnetId: string;
  vpcId: string | null;
  availabilityZone: string | null;
  cidrBlock: string | null;
  name: string | null;
}

export interface Ec2SecurityGroup {
  groupId: string;
  groupName: string | null;
  vpcId: string | null;
  description: string | null;
}

export interface Ec2InstanceType {
  instanceType: string;
  defaultVCpus: number | null;
  memoryMiB: number | null;
}

/** From IAM ListInstanceProfiles in the account; usedBy names the groups (in the region asked) that use it. */
export interface Ec2InstanceProfile {
  name: string;
  arn: string;
  roleName: string | null;
  usedBy: string[];
}

// ---- Configuration -----------------------------------------------------------------------------

export interface OrchestratorSettings {
  executionHistoryRetentionDays: number;
  defaultRegion?: string | null;
  notificationEmail?: string | null;
}

export interface SettingsView {
  settings: OrchestratorSettings;
  /** 0 while the defaults have never been saved; send it back with PUT. */
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface HealthCheck {
  name: string;
  status: 'OK' | 'DEGRADED' | 'FAILED';
  detail: string;
  durationMs: number;
}

export interface ConfigHealth {
  status: 'OK' | 'DEGRADED' | 'FAILED';
  checks: HealthCheck[];
}

export interface TagSyncRule {
  match: TagCriterion[];
  apply: Record<string, string>;
}

export interface TagSyncSettings {
  enabled: boolean;
  intervalHours: number;
  rules: TagSyncRule[];
}

export interface TagSyncLocationResult {
  accountId: string;
  region: string;
  scanned: number;
  matched: number;
  tagged: number;
  failed: number;
  error: string | null;
}

export interface TagSyncRun {
  triggeredBy: string;
  trigger: 'USER' | 'SCHEDULE';
  startedAt: string;
  endedAt: string;
  succeeded: boolean;
  locations: TagSyncLocationResult[];
  /** Why the run as a whole failed; null/absent when it ran through (per-location errors are in locations). */
  error?: string | null;
}

export interface TagSyncView {
  settings: TagSyncSettings;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  lastRun: TagSyncRun | null;
  /** When the run in progress started; null when none is running. */
  runningSince: string | null;
  /** When the schedule next runs the sync; null while disabled. */
  nextRunDueAt: string | null;
}

export interface ImportResult {
  dryRun: boolean;
  accountsCreated: number;
  protectionGroupsCreated: number;
  recoveryPlansCreated: number;
  settingsReplaced: boolean;
  tagSyncReplaced: boolean;
}

// ---- Local sign-in (local host only, outside /api) --------------------------------------------

export interface LocalUser {
  email: string;
  displayName: string;
  groups: string[];
}

export interface LocalSignInResponse {
  idToken: string;
  expiresAt: string;
}
