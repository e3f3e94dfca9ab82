import type { ApiClient } from './client';
import type {
  AccountValidationResult,
  BulkDeleteResult,
  CapacityView,
  ConfigHealth,
  DrsAccount,
  DrsJobLogs,
  DrsLaunchConfiguration,
  DrsLaunchConfigurationUpdate,
  Ec2InstanceProfile,
  Ec2InstanceType,
  Ec2SecurityGroup,
  Ec2Subnet,
  ExecuteRequest,
  Execution,
  ExecutionFilter,
  ExecutionJobLogs,
  ExecutionRecoveryInstances,
  ExecutionReport,
  ExecutionSummary,
  ExistingInstancesReport,
  GroupLaunchConfiguration,
  GroupLaunchConfigurationInput,
  ImportResult,
  LaunchApplyResult,
  ListParams,
  Location,
  OrchestratorSettings,
  Page,
  PlanReadiness,
  ProtectionGroup,
  ProtectionGroupInput,
  ProtectionGroupUpdate,
  QuotaReport,
  RecoveryPlan,
  RecoveryPlanInput,
  RecoveryPlanUpdate,
  ResolveRequest,
  ResolveResult,
  ServerFilter,
  ServerTags,
  SettingsView,
  SourceServer,
  SourceServerPage,
  TagChange,
  TagSyncRun,
  TagSyncSettings,
  TagSyncView,
  TargetAccount,
  TargetAccountInput,
  TargetAccountUpdate,
  TerminateRequest,
  TerminationStatusView,
  UserProfile,
} from './types';

const id = encodeURIComponent;

/** The largest page the console asks for when it needs a whole collection (pickers, dashboards). */
const pageSizeForAll = 100;

/** Follows nextToken until the collection is exhausted. */
export async function listAll<T>(fetchPage: (params: ListParams) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetchPage({ limit: pageSizeForAll, nextToken });
    items.push(...page.items);
    nextToken = page.nextToken ?? undefined;
  } while (nextToken);
  return items;
}

/** Every call the console makes, typed. Nothing else in the console builds a URL. */
export function createDrsApi(client: ApiClient) {
  const get = <T>(path: string, query?: Record<string, string | number | boolean | undefined>) =>
    client.request<T>('GET', path, { query });
  const post = <T>(path: string, body?: unknown) => client.request<T>('POST', path, { body: body ?? {} });
  const put = <T>(path: string, body: unknown) => client.request<T>('PUT', path, { body });
  const del = (path: string) => client.request<void>('DELETE', path);
  const pageQuery = (p: ListParams = {}) => ({ limit: p.limit, nextToken: p.nextToken });

  const at = (l: Location) => ({ accountId: l.accountId, region: l.region });

  return {
    profile: () => get<UserProfile>('/users/profile'),

    protectionGroups: {
      list: (p?: ListParams) => get<Page<ProtectionGroup>>('/protection-groups', pageQuery(p)),
      get: (groupId: string) => get<ProtectionGroup>(`/protection-groups/${id(groupId)}`),
      create: (input: ProtectionGroupInput) => post<ProtectionGroup>('/protection-groups', input),
      update: (groupId: string, input: ProtectionGroupUpdate) => put<ProtectionGroup>(`/protection-groups/${id(groupId)}`, input),
      remove: (groupId: string) => del(`/protection-groups/${id(groupId)}`),
      resolve: (request: ResolveRequest) => post<ResolveResult>('/protection-groups/resolve', request),
      getLaunchConfiguration: (groupId: string) => get<GroupLaunchConfiguration>(`/protection-groups/${id(groupId)}/launch-configuration`),
      putLaunchConfiguration: (groupId: string, input: GroupLaunchConfigurationInput) =>
        put<GroupLaunchConfiguration>(`/protection-groups/${id(groupId)}/launch-configuration`, input),
      applyLaunchConfiguration: (groupId: string) => post<LaunchApplyResult>(`/protection-groups/${id(groupId)}/apply-launch-configuration`),
    },

    recoveryPlans: {
      list: (p?: ListParams) => get<Page<RecoveryPlan>>('/recovery-plans', pageQuery(p)),
      get: (planId: string) => get<RecoveryPlan>(`/recovery-plans/${id(planId)}`),
      create: (input: RecoveryPlanInput) => post<RecoveryPlan>('/recovery-plans', input),
      update: (planId: string, input: RecoveryPlanUpdate) => put<RecoveryPlan>(`/recovery-plans/${id(planId)}`, input),
      remove: (planId: string) => del(`/recovery-plans/${id(planId)}`),
      execute: (planId: string, request: ExecuteRequest) => post<Execution>(`/recovery-plans/${id(planId)}/execute`, request),
      checkExistingInstances: (planId: string) => get<ExistingInstancesReport>(`/recovery-plans/${id(planId)}/check-existing-instances`),
      readiness: (planId: string) => get<PlanReadiness>(`/recovery-plans/${id(planId)}/readiness`),
    },

    executions: {
      list: (f: ExecutionFilter = {}) =>
        get<Page<ExecutionSummary>>('/executions', { ...pageQuery(f), status: f.status, type: f.type, planId: f.planId }),
      get: (executionId: string) => get<Execution>(`/executions/${id(executionId)}`),
      pause: (executionId: string) => post<Execution>(`/executions/${id(executionId)}/pause`),
      resume: (executionId: string) => post<Execution>(`/executions/${id(executionId)}/resume`),
      cancel: (executionId: string) => post<Execution>(`/executions/${id(executionId)}/cancel`),
      terminateInstances: (executionId: string, request: TerminateRequest = {}) =>
        post<TerminationStatusView>(`/executions/${id(executionId)}/terminate-instances`, request),
      terminationStatus: (executionId: string) => get<TerminationStatusView>(`/executions/${id(executionId)}/termination-status`),
      jobLogs: (executionId: string) => get<ExecutionJobLogs>(`/executions/${id(executionId)}/job-logs`),
      recoveryInstances: (executionId: string) => get<ExecutionRecoveryInstances>(`/executions/${id(executionId)}/recovery-instances`),
      report: (executionId: string) => get<ExecutionReport>(`/executions/${id(executionId)}/report`),
      removeMany: (ids: string[]) => post<BulkDeleteResult>('/executions/delete', { ids }),
    },

    drs: {
      sourceServers: (f: ServerFilter) =>
        get<SourceServerPage>('/drs/source-servers', {
          ...pageQuery(f),
          ...at(f),
          search: f.search,
          replicationState: f.replicationState,
          tag: f.tags?.length ? f.tags.map((t) => `${t.key}=${t.value}`).join(',') : undefined,
          unassigned: f.unassigned,
        }),
      sourceServer: (serverId: string, l: Location) => get<SourceServer>(`/drs/source-servers/${id(serverId)}`, at(l)),
      launchConfiguration: (serverId: string, l: Location) =>
        get<DrsLaunchConfiguration>(`/drs/source-servers/${id(serverId)}/launch-configuration`, at(l)),
      putLaunchConfiguration: (serverId: string, l: Location, update: DrsLaunchConfigurationUpdate) =>
        client.request<DrsLaunchConfiguration>('PUT', `/drs/source-servers/${id(serverId)}/launch-configuration`, { query: at(l), body: update }),
      tags: (serverId: string, l: Location) => get<ServerTags>(`/drs/source-servers/${id(serverId)}/tags`, at(l)),
      putTags: (serverId: string, l: Location, change: TagChange) =>
        client.request<ServerTags>('PUT', `/drs/source-servers/${id(serverId)}/tags`, { query: at(l), body: change }),
      capacity: () => get<CapacityView>('/drs/capacity'),
      regionalCapacity: (accountId: string) => get<CapacityView>('/drs/capacity/regional', { accountId }),
      quotas: (l: Location) => get<QuotaReport>('/drs/quotas', at(l)),
      accounts: () => get<{ accounts: DrsAccount[] }>('/drs/accounts'),
      jobLogs: (jobId: string, l: Location) => get<DrsJobLogs>(`/drs/jobs/${id(jobId)}/logs`, at(l)),
    },

    accounts: {
      list: (p?: ListParams) => get<Page<TargetAccount>>('/accounts', pageQuery(p)),
      get: (accountId: string) => get<TargetAccount>(`/accounts/${id(accountId)}`),
      create: (input: TargetAccountInput) => post<TargetAccount>('/accounts', input),
      update: (accountId: string, input: TargetAccountUpdate) => put<TargetAccount>(`/accounts/${id(accountId)}`, input),
      remove: (accountId: string) => del(`/accounts/${id(accountId)}`),
      validate: (accountId: string) => post<AccountValidationResult>(`/accounts/${id(accountId)}/validate`),
    },

    ec2: {
      subnets: (l: Location) => get<{ items: Ec2Subnet[] }>('/ec2/subnets', at(l)),
      securityGroups: (l: Location, vpcId?: string) => get<{ items: Ec2SecurityGroup[] }>('/ec2/security-groups', { ...at(l), vpcId }),
      instanceTypes: (l: Location) => get<{ items: Ec2InstanceType[] }>('/ec2/instance-types', at(l)),
      instanceProfiles: (l: Location) => get<{ items: Ec2InstanceProfile[] }>('/ec2/instance-profiles', at(l)),
    },

    config: {
      settings: () => get<SettingsView>('/config/settings'),
      putSettings: (version: number, settings: OrchestratorSettings) => put<SettingsView>('/config/settings', { version, settings }),
      regions: () => get<{ regions: string[] }>('/config/regions'),
      health: () => get<ConfigHealth>('/config/health'),
      tagSync: () => get<TagSyncView>('/config/tag-sync'),
      putTagSync: (version: number, settings: TagSyncSettings) => put<TagSyncView>('/config/tag-sync', { version, settings }),
      runTagSync: () => post<TagSyncRun>('/config/tag-sync/run'),
      exportAll: () => get<unknown>('/config/export'),
      importAll: (document: unknown, dryRun = false) =>
        client.request<ImportResult>('POST', '/config/import', { query: { dryRun: dryRun || undefined }, body: document }),
    },
  };
}

export type DrsApi = ReturnType<typeof createDrsApi>;
