import type {
  CapacityView,
  Execution,
  ExecutionSummary,
  PlanReadiness,
  ProtectionGroup,
  QuotaReport,
  RecoveryPlan,
  ServerRecord,
  SourceServer,
  TargetAccount,
  TerminationState,
  Wave,
  WaveRecord,
} from '../api/types';

// Test data builders: a valid entity in the API's wire shape by default, overridden only where a test cares.

export const anAccountId = '111122223333';
const at = '2030-01-01T09:00:00Z';
const actor = 'planner@example.test';

export function aProtectionGroup(overrides: Partial<ProtectionGroup> = {}): ProtectionGroup {
  return {
    groupId: 'pg-web',
    name: 'Web tier',
    description: 'Front-end servers',
    accountId: anAccountId,
    region: 'us-east-1',
    selection: { mode: 'SOURCE_SERVER_IDS', sourceServerIds: ['s-web1', 's-web2'], tagCriteria: [] },
    launchSettings: {},
    serverOverrides: {},
    createdBy: actor,
    createdAt: at,
    updatedBy: actor,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

export function aTagGroup(overrides: Partial<ProtectionGroup> = {}): ProtectionGroup {
  return aProtectionGroup({
    groupId: 'pg-db',
    name: 'Databases',
    selection: { mode: 'TAGS', sourceServerIds: [], tagCriteria: [{ key: 'Tier', value: 'db' }] },
    ...overrides,
  });
}

export function aSourceServer(overrides: Partial<SourceServer> = {}): SourceServer {
  return {
    sourceServerId: 's-web1',
    arn: null,
    hostname: 'web-01',
    ipAddresses: ['10.0.0.11'],
    operatingSystem: 'Linux',
    tags: { Tier: 'web' },
    replicationState: 'CONTINUOUS',
    replicationLagSeconds: 4,
    lastLaunchResult: null,
    recoveryInstanceId: null,
    stagingAccountId: null,
    recommendedInstanceType: 'm5.large',
    protectionGroupId: null,
    ...overrides,
  };
}

export function aWave(overrides: Partial<Wave> = {}): Wave {
  return {
    name: 'Databases',
    protectionGroupIds: ['pg-web'],
    description: '',
    pauseBefore: false,
    dependsOn: [],
    defaultCriticality: 'CRITICAL',
    criticalityOverrides: {},
    ...overrides,
  };
}

export function aRecoveryPlan(overrides: Partial<RecoveryPlan> = {}): RecoveryPlan {
  return {
    planId: 'plan-1',
    name: 'Three-tier app',
    description: 'Database, app, web',
    waves: [aWave()],
    rtoTargetMinutes: 60,
    rpoTargetMinutes: null,
    createdBy: actor,
    createdAt: at,
    updatedBy: actor,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

export function aReadiness(overrides: Partial<PlanReadiness> = {}): PlanReadiness {
  return {
    planId: 'plan-1',
    planName: 'Three-tier app',
    ready: true,
    status: 'PASS',
    serverCount: 2,
    checkedAt: at,
    checks: [{ name: 'REPLICATION_HEALTHY', status: 'PASS', message: 'All servers replicate continuously.', findings: [] }],
    ...overrides,
  };
}

export function anExecutionSummary(overrides: Partial<ExecutionSummary> = {}): ExecutionSummary {
  return {
    executionId: 'exec-1',
    planId: 'plan-1',
    planName: 'Three-tier app',
    type: 'DRILL',
    status: 'RUNNING',
    initiatedBy: 'operator@example.test',
    createdAt: '2030-01-01T10:00:00Z',
    startedAt: '2030-01-01T10:00:00Z',
    endedAt: null,
    currentWaveIndex: 0,
    waveCount: 3,
    version: 4,
    ...overrides,
  };
}

export function aServerRecord(overrides: Partial<ServerRecord> = {}): ServerRecord {
  return {
    sourceServerId: 's-web1',
    accountId: anAccountId,
    region: 'us-east-1',
    criticality: 'CRITICAL',
    launchStatus: 'IN_PROGRESS',
    jobId: 'drsjob-1',
    recoveryInstanceId: null,
    ec2InstanceId: null,
    launchStartedAt: '2030-01-01T10:00:05Z',
    launchEndedAt: null,
    failureReason: null,
    ...overrides,
  };
}

export function aWaveRecord(overrides: Partial<WaveRecord> = {}): WaveRecord {
  return {
    waveIndex: 0,
    name: 'Databases',
    status: 'LAUNCHING',
    startedAt: '2030-01-01T10:00:00Z',
    endedAt: null,
    jobs: [
      {
        requestId: 'req-1',
        accountId: anAccountId,
        region: 'us-east-1',
        sourceServerIds: ['s-web1'],
        jobId: 'drsjob-1',
        status: 'STARTED',
        intentRecordedAt: '2030-01-01T10:00:01Z',
        startedAt: '2030-01-01T10:00:02Z',
        endedAt: null,
      },
    ],
    servers: [aServerRecord()],
    failureReason: null,
    ...overrides,
  };
}

export function aTermination(overrides: Partial<TerminationState> = {}): TerminationState {
  return { status: 'NOT_REQUESTED', requestedBy: null, requestedAt: null, jobIds: [], endedAt: null, message: null, ...overrides };
}

export function anExecution(overrides: Partial<Execution> = {}): Execution {
  return {
    executionId: 'exec-1',
    planId: 'plan-1',
    planName: 'Three-tier app',
    type: 'DRILL',
    status: 'RUNNING',
    initiatedBy: 'operator@example.test',
    invocationSource: 'CONSOLE',
    createdAt: '2030-01-01T10:00:00Z',
    startedAt: '2030-01-01T10:00:00Z',
    endedAt: null,
    currentWaveIndex: 0,
    pauseRequested: false,
    pauseBeforeFirstWave: false,
    waves: [aWaveRecord()],
    failureCause: null,
    termination: aTermination(),
    audit: [],
    version: 4,
    quota: null,
    ...overrides,
  };
}

export function aQuotaReport(overrides: Partial<QuotaReport> = {}): QuotaReport {
  return {
    accountId: anAccountId,
    region: 'us-east-1',
    quotas: [
      { name: 'sourceServersPerJob', limit: 100, inUse: null, available: null, status: 'STATIC' },
      { name: 'concurrentJobs', limit: 20, inUse: 1, available: 19, status: 'OK' },
      { name: 'serversInActiveJobs', limit: 500, inUse: 4, available: 496, status: 'OK' },
      { name: 'replicatingServers', limit: 300, inUse: 12, available: 288, status: 'OK' },
    ],
    sourceServers: 12,
    error: null,
    readAt: at,
    ...overrides,
  };
}

export function aCapacity(locations: QuotaReport[] = [aQuotaReport()]): CapacityView {
  return { locations, unreadable: locations.filter((l) => l.error !== null).length, generatedAt: at };
}

export function aTargetAccount(overrides: Partial<TargetAccount> = {}): TargetAccount {
  return {
    accountId: anAccountId,
    name: 'Production spoke',
    roleArn: `arn:aws:iam::${anAccountId}:role/DrsOrchestratorSpoke`,
    externalId: 'drs-orchestrator-test',
    regions: ['us-east-1'],
    validation: { state: 'VALID', message: null, checkedAt: at },
    createdBy: actor,
    createdAt: at,
    updatedBy: actor,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}
