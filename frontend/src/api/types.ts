// Wire shapes of the REST API (BRIEF section 5). JSON is camelCase and enums are UPPER_SNAKE strings.
// The backend is being written alongside this console: every shape lives here so a change on the
// server is fixed in one place.

export type ExecutionType = 'DRILL' | 'RECOVERY';

export type ExecutionStatus =
  | 'PENDING'
  | 'RUNNING'
  | 'PAUSED'
  | 'CANCELLING'
  | 'COMPLETED'
  | 'PARTIAL'
  | 'FAILED'
  | 'CANCELLED';

export type WaveStatus =
  | 'PENDING'
  | 'STARTING'
  | 'LAUNCHING'
  | 'COMPLETED'
  | 'PARTIAL'
  | 'FAILED'
  | 'SKIPPED'
  | 'CANCELLED';

export type ServerLaunchStatus = 'NOT_STARTED' | 'PENDING' | 'IN_PROGRESS' | 'LAUNCHED' | 'FAILED' | 'TERMINATED';

export type Criticality = 'CRITICAL' | 'OPTIONAL';

export interface Page<T> {
  items: T[];
  nextToken?: string | null;
}

export interface ListParams {
  limit?: number;
  nextToken?: string;
}

export interface UserProfile {
  sub: string;
  email: string;
  groups: string[];
  permissions: string[];
}

export interface TagCriterion {
  key: string;
  value: string;
}

export type RightSizingMethod = 'NONE' | 'BASIC' | 'IN_AWS';
export type LaunchDisposition = 'STOPPED' | 'STARTED';

export interface LaunchSettings {
  subnetId?: string | null;
  securityGroupIds?: string[];
  instanceType?: string | null;
  targetInstanceTypeRightSizingMethod?: RightSizingMethod;
  copyPrivateIp?: boolean;
  copyTags?: boolean;
  launchDisposition?: LaunchDisposition;
  licensing?: { osByol: boolean };
}

export interface ProtectionGroup {
  groupId: string;
  name: string;
  description?: string;
  accountId: string;
  region: string;
  sourceServerIds: string[];
  tagCriteria: TagCriterion[];
  launchSettings?: LaunchSettings | null;
  serverCount?: number;
  createdAt?: string;
  updatedAt?: string;
  version?: number;
}

export interface ProtectionGroupInput {
  name: string;
  description?: string;
  accountId: string;
  region: string;
  sourceServerIds: string[];
  tagCriteria: TagCriterion[];
  launchSettings?: LaunchSettings | null;
  version?: number;
}

export interface ResolveRequest {
  accountId: string;
  region: string;
  tagCriteria: TagCriterion[];
  excludeGroupId?: string;
}

export interface ResolveResult {
  servers: SourceServer[];
}

export interface Wave {
  waveNumber: number;
  name: string;
  protectionGroupIds: string[];
  pauseBefore: boolean;
  /** Wave numbers of earlier waves this one waits for. */
  dependsOn: number[];
  /** Servers not listed here are CRITICAL. */
  serverCriticality: Record<string, Criticality>;
}

export interface RecoveryPlan {
  planId: string;
  name: string;
  description?: string;
  rtoTargetMinutes?: number | null;
  waves: Wave[];
  lastExecution?: { executionId: string; status: ExecutionStatus; executionType: ExecutionType; startedAt: string } | null;
  createdAt?: string;
  updatedAt?: string;
  version?: number;
}

export interface RecoveryPlanInput {
  name: string;
  description?: string;
  rtoTargetMinutes?: number | null;
  waves: Wave[];
  version?: number;
}

export type CheckStatus = 'PASS' | 'WARN' | 'FAIL';

export interface ReadinessCheck {
  name: string;
  status: CheckStatus;
  message: string;
}

export interface PlanReadiness {
  planId: string;
  ready: boolean;
  serverCount: number;
  checks: ReadinessCheck[];
}

export interface ExistingInstance {
  sourceServerId: string;
  recoveryInstanceId: string;
  ec2InstanceId?: string;
  isDrill?: boolean;
}

export interface ExecuteRequest {
  executionType: ExecutionType;
  pauseBeforeFirstWave?: boolean;
  /** A recovery is confirmed by repeating the plan's name (RECOVERY_CONFIRMATION_REQUIRED otherwise). */
  confirmation?: string;
}

export interface ExecutionSummary {
  executionId: string;
  planId: string;
  planName: string;
  executionType: ExecutionType;
  status: ExecutionStatus;
  startedAt: string;
  endedAt?: string | null;
  startedBy: string;
  currentWave?: number | null;
  totalWaves: number;
  totalServers: number;
  launchedServers: number;
  failedServers: number;
}

export interface ExecutionServer {
  sourceServerId: string;
  hostname?: string;
  criticality: Criticality;
  launchStatus: ServerLaunchStatus;
  jobId?: string | null;
  recoveryInstanceId?: string | null;
  ec2InstanceId?: string | null;
  launchedAt?: string | null;
  error?: string | null;
}

export interface ExecutionWave {
  waveNumber: number;
  name: string;
  status: WaveStatus;
  pauseBefore: boolean;
  startedAt?: string | null;
  endedAt?: string | null;
  jobIds: string[];
  servers: ExecutionServer[];
}

export interface ExecutionHistoryEntry {
  at: string;
  actor: string;
  action: string;
  detail?: string;
}

export interface Execution extends ExecutionSummary {
  waves: ExecutionWave[];
  history?: ExecutionHistoryEntry[];
  instancesTerminated?: boolean;
}

export interface ExecutionFilter extends ListParams {
  status?: ExecutionStatus;
  executionType?: ExecutionType;
  planId?: string;
}

export interface JobLogEvent {
  event: string;
  logDateTime: string;
  eventData?: Record<string, unknown>;
}

export interface JobLog {
  jobId: string;
  waveNumber: number;
  events: JobLogEvent[];
}

export interface TerminationStatus {
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  jobIds: string[];
}

export interface SourceServer {
  sourceServerId: string;
  hostname: string;
  accountId: string;
  region: string;
  replicationState: string;
  os?: string;
  tags: Record<string, string>;
  protectionGroupId?: string | null;
  protectionGroupName?: string | null;
  lastLaunchResult?: string | null;
}

export interface ServerFilter extends ListParams {
  accountId?: string;
  region?: string;
  search?: string;
}

export type CapacityStatus = 'OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN';

export interface CapacityUsage {
  used: number | null;
  limit: number;
}

export interface RegionCapacity {
  accountId: string;
  region: string;
  status: CapacityStatus;
  replicatingServers: CapacityUsage;
  concurrentJobs: CapacityUsage;
  serversInActiveJobs: CapacityUsage;
  /** Why a figure is unknown: quotas are never assumed to be fine when they cannot be read. */
  message?: string | null;
}

export type AccountStatus = 'VALID' | 'INVALID' | 'UNVALIDATED';

export interface TargetAccount {
  accountId: string;
  name: string;
  roleArn: string;
  externalId?: string;
  regions: string[];
  status: AccountStatus;
  lastValidatedAt?: string | null;
  validationMessage?: string | null;
  isHub?: boolean;
}

export interface TargetAccountInput {
  accountId: string;
  name: string;
  roleArn: string;
  externalId: string;
  regions: string[];
}

export interface AccountValidation {
  accountId: string;
  valid: boolean;
  message: string;
  checkedAt: string;
}

export interface TagSyncSettings {
  enabled: boolean;
  intervalMinutes: number;
  lastRunAt?: string | null;
  lastResult?: string | null;
}

export interface TagSyncRun {
  serversUpdated: number;
  startedAt: string;
}

export interface ImportResult {
  protectionGroups: number;
  recoveryPlans: number;
  accounts: number;
}

export interface LocalUser {
  email: string;
  displayName?: string;
  groups: string[];
}

export interface LocalSignInResponse {
  idToken: string;
  expiresAt: string;
}
