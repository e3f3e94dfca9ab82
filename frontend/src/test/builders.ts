import type {
  Execution,
  ExecutionServer,
  ExecutionSummary,
  ExecutionWave,
  PlanReadiness,
  ProtectionGroup,
  RecoveryPlan,
  RegionCapacity,
  SourceServer,
  TargetAccount,
  Wave,
} from '../api/types';

// Test data builders: a valid entity by default, overridden only where a test cares.

export const anAccountId = '111122223333';

export function aProtectionGroup(overrides: Partial<ProtectionGroup> = {}): ProtectionGroup {
  return {
    groupId: 'pg-web',
    name: 'Web tier',
    description: 'Front-end servers',
    accountId: anAccountId,
    region: 'us-east-1',
    sourceServerIds: ['s-web1', 's-web2'],
    tagCriteria: [],
    launchSettings: null,
    serverCount: 2,
    version: 1,
    ...overrides,
  };
}

export function aSourceServer(overrides: Partial<SourceServer> = {}): SourceServer {
  return {
    sourceServerId: 's-web1',
    hostname: 'web-01',
    accountId: anAccountId,
    region: 'us-east-1',
    replicationState: 'CONTINUOUS',
    os: 'Linux',
    tags: { Tier: 'web' },
    protectionGroupId: null,
    protectionGroupName: null,
    ...overrides,
  };
}

export function aWave(overrides: Partial<Wave> = {}): Wave {
  return {
    waveNumber: 1,
    name: 'Databases',
    protectionGroupIds: ['pg-web'],
    pauseBefore: false,
    dependsOn: [],
    serverCriticality: {},
    ...overrides,
  };
}

export function aRecoveryPlan(overrides: Partial<RecoveryPlan> = {}): RecoveryPlan {
  return {
    planId: 'plan-1',
    name: 'Three-tier app',
    description: 'Database, app, web',
    rtoTargetMinutes: 60,
    waves: [aWave()],
    lastExecution: null,
    version: 1,
    ...overrides,
  };
}

export function aReadiness(overrides: Partial<PlanReadiness> = {}): PlanReadiness {
  return {
    planId: 'plan-1',
    ready: true,
    serverCount: 2,
    checks: [{ name: 'Replication', status: 'PASS', message: 'All servers replicate continuously.' }],
    ...overrides,
  };
}

export function anExecutionSummary(overrides: Partial<ExecutionSummary> = {}): ExecutionSummary {
  return {
    executionId: 'exec-1',
    planId: 'plan-1',
    planName: 'Three-tier app',
    executionType: 'DRILL',
    status: 'RUNNING',
    startedAt: '2030-01-01T10:00:00Z',
    endedAt: null,
    startedBy: 'operator@example.test',
    currentWave: 1,
    totalWaves: 3,
    totalServers: 4,
    launchedServers: 1,
    failedServers: 0,
    ...overrides,
  };
}

export function anExecutionServer(overrides: Partial<ExecutionServer> = {}): ExecutionServer {
  return {
    sourceServerId: 's-web1',
    hostname: 'web-01',
    criticality: 'CRITICAL',
    launchStatus: 'IN_PROGRESS',
    jobId: 'drsjob-1',
    recoveryInstanceId: null,
    ...overrides,
  };
}

export function anExecutionWave(overrides: Partial<ExecutionWave> = {}): ExecutionWave {
  return {
    waveNumber: 1,
    name: 'Databases',
    status: 'LAUNCHING',
    pauseBefore: false,
    startedAt: '2030-01-01T10:00:00Z',
    endedAt: null,
    jobIds: ['drsjob-1'],
    servers: [anExecutionServer()],
    ...overrides,
  };
}

export function anExecution(overrides: Partial<Execution> = {}): Execution {
  return {
    ...anExecutionSummary(),
    waves: [anExecutionWave()],
    history: [],
    instancesTerminated: false,
    ...overrides,
  };
}

export function aRegionCapacity(overrides: Partial<RegionCapacity> = {}): RegionCapacity {
  return {
    accountId: anAccountId,
    region: 'us-east-1',
    status: 'OK',
    replicatingServers: { used: 12, limit: 300 },
    concurrentJobs: { used: 1, limit: 20 },
    serversInActiveJobs: { used: 4, limit: 500 },
    message: null,
    ...overrides,
  };
}

export function aTargetAccount(overrides: Partial<TargetAccount> = {}): TargetAccount {
  return {
    accountId: anAccountId,
    name: 'Production spoke',
    roleArn: `arn:aws:iam::${anAccountId}:role/DrsOrchestratorSpoke`,
    regions: ['us-east-1'],
    status: 'VALID',
    lastValidatedAt: '2030-01-01T09:00:00Z',
    validationMessage: null,
    ...overrides,
  };
}
