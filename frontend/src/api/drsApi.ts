import type { ApiClient } from './client';
import type {
  AccountValidation,
  CapacityUsage,
  ExecuteRequest,
  Execution,
  ExecutionFilter,
  ExecutionSummary,
  ExistingInstance,
  ImportResult,
  JobLog,
  LaunchSettings,
  ListParams,
  Page,
  PlanReadiness,
  ProtectionGroup,
  ProtectionGroupInput,
  RecoveryPlan,
  RecoveryPlanInput,
  RegionCapacity,
  ResolveRequest,
  ResolveResult,
  ServerFilter,
  SourceServer,
  TagSyncRun,
  TagSyncSettings,
  TargetAccount,
  TargetAccountInput,
  TerminationStatus,
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

  return {
    profile: () => get<UserProfile>('/users/profile'),

    protectionGroups: {
      list: (p?: ListParams) => get<Page<ProtectionGroup>>('/protection-groups', pageQuery(p)),
      get: (groupId: string) => get<ProtectionGroup>(`/protection-groups/${id(groupId)}`),
      create: (input: ProtectionGroupInput) => post<ProtectionGroup>('/protection-groups', input),
      update: (groupId: string, input: ProtectionGroupInput) => put<ProtectionGroup>(`/protection-groups/${id(groupId)}`, input),
      remove: (groupId: string) => del(`/protection-groups/${id(groupId)}`),
      resolve: (request: ResolveRequest) => post<ResolveResult>('/protection-groups/resolve', request),
      getLaunchConfiguration: (groupId: string) => get<LaunchSettings>(`/protection-groups/${id(groupId)}/launch-configuration`),
      putLaunchConfiguration: (groupId: string, settings: LaunchSettings) =>
        put<LaunchSettings>(`/protection-groups/${id(groupId)}/launch-configuration`, settings),
      applyLaunchConfiguration: (groupId: string) =>
        post<{ applied: number; failed: number }>(`/protection-groups/${id(groupId)}/apply-launch-configuration`),
    },

    recoveryPlans: {
      list: (p?: ListParams) => get<Page<RecoveryPlan>>('/recovery-plans', pageQuery(p)),
      get: (planId: string) => get<RecoveryPlan>(`/recovery-plans/${id(planId)}`),
      create: (input: RecoveryPlanInput) => post<RecoveryPlan>('/recovery-plans', input),
      update: (planId: string, input: RecoveryPlanInput) => put<RecoveryPlan>(`/recovery-plans/${id(planId)}`, input),
      remove: (planId: string) => del(`/recovery-plans/${id(planId)}`),
      execute: (planId: string, request: ExecuteRequest) => post<ExecutionSummary>(`/recovery-plans/${id(planId)}/execute`, request),
      checkExistingInstances: (planId: string) =>
        get<{ instances: ExistingInstance[] }>(`/recovery-plans/${id(planId)}/check-existing-instances`),
      readiness: (planId: string) => get<PlanReadiness>(`/recovery-plans/${id(planId)}/readiness`),
    },

    executions: {
      list: (f: ExecutionFilter = {}) =>
        get<Page<ExecutionSummary>>('/executions', { ...pageQuery(f), status: f.status, executionType: f.executionType, planId: f.planId }),
      get: (executionId: string) => get<Execution>(`/executions/${id(executionId)}`),
      pause: (executionId: string) => post<Execution>(`/executions/${id(executionId)}/pause`),
      resume: (executionId: string) => post<Execution>(`/executions/${id(executionId)}/resume`),
      cancel: (executionId: string) => post<Execution>(`/executions/${id(executionId)}/cancel`),
      terminateInstances: (executionId: string) =>
        post<TerminationStatus>(`/executions/${id(executionId)}/terminate-instances`),
      terminationStatus: (executionId: string) => get<TerminationStatus>(`/executions/${id(executionId)}/termination-status`),
      jobLogs: (executionId: string) => get<{ jobs: JobLog[] }>(`/executions/${id(executionId)}/job-logs`),
      report: (executionId: string) => get<unknown>(`/executions/${id(executionId)}/report`),
      removeMany: (executionIds: string[]) => post<{ deleted: number }>('/executions/delete', { executionIds }),
    },

    drs: {
      sourceServers: (f: ServerFilter = {}) =>
        get<Page<SourceServer>>('/drs/source-servers', { ...pageQuery(f), accountId: f.accountId, region: f.region, search: f.search }),
      sourceServer: (serverId: string) => get<SourceServer>(`/drs/source-servers/${id(serverId)}`),
      launchConfiguration: (serverId: string) => get<LaunchSettings>(`/drs/source-servers/${id(serverId)}/launch-configuration`),
      putLaunchConfiguration: (serverId: string, settings: LaunchSettings) =>
        put<LaunchSettings>(`/drs/source-servers/${id(serverId)}/launch-configuration`, settings),
      tags: (serverId: string) => get<{ tags: Record<string, string> }>(`/drs/source-servers/${id(serverId)}/tags`),
      putTags: (serverId: string, tags: Record<string, string>) =>
        put<{ tags: Record<string, string> }>(`/drs/source-servers/${id(serverId)}/tags`, { tags }),
      capacity: () => get<{ regions: RegionCapacity[] }>('/drs/capacity'),
      quotas: (accountId: string, region: string) =>
        get<{ accountId: string; region: string; quotas: Record<string, CapacityUsage> }>('/drs/quotas', { accountId, region }),
      jobLogs: (jobId: string) => get<JobLog>(`/drs/jobs/${id(jobId)}/logs`),
    },

    accounts: {
      list: (p?: ListParams) => get<Page<TargetAccount>>('/accounts', pageQuery(p)),
      create: (input: TargetAccountInput) => post<TargetAccount>('/accounts', input),
      update: (accountId: string, input: TargetAccountInput) => put<TargetAccount>(`/accounts/${id(accountId)}`, input),
      remove: (accountId: string) => del(`/accounts/${id(accountId)}`),
      validate: (accountId: string) => post<AccountValidation>(`/accounts/${id(accountId)}/validate`),
    },

    config: {
      regions: () => get<{ regions: string[] }>('/config/regions'),
      tagSync: () => get<TagSyncSettings>('/config/tag-sync'),
      putTagSync: (settings: Pick<TagSyncSettings, 'enabled' | 'intervalMinutes'>) => put<TagSyncSettings>('/config/tag-sync', settings),
      runTagSync: () => post<TagSyncRun>('/config/tag-sync/run'),
      exportAll: () => get<unknown>('/config/export'),
      importAll: (document: unknown) => post<ImportResult>('/config/import', document),
    },
  };
}

export type DrsApi = ReturnType<typeof createDrsApi>;
