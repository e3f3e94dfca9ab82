import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { listAll } from '../../api/drsApi';
import type { ExecutionSummary, PlanReadiness, QuotaLine, QuotaReport, RecoveryPlan } from '../../api/types';
import { useQuery } from '../../app/useQuery';
import { useServices } from '../../app/services';
import { Permissions } from '../../auth/permissions';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime, formatDuration } from '../../components/format';
import { RouterLink } from '../../components/RouterLink';
import { StatusBadge } from '../../components/StatusBadge';
import { isActive } from '../../domain/executionActions';

const livePollMs = 3000;
const readinessPlansShown = 10;

/** Waves before the current one are done; the summary carries no per-server counts. */
function progressOf(e: ExecutionSummary): number {
  if (e.waveCount === 0 || e.currentWaveIndex === null) return 0;
  return Math.round((e.currentWaveIndex / e.waveCount) * 100);
}

function UsageBar({ report, name, label }: { report: QuotaReport; name: string; label: string }) {
  const line: QuotaLine | undefined = report.quotas.find((q) => q.name === name);
  if (!line) return <StatusBadge status="UNKNOWN" label={`${label}: not reported`} />;
  // An unreadable figure is shown as unknown, never as free capacity.
  if (line.inUse === null) return <StatusBadge status="UNKNOWN" label={`${label}: unknown of ${line.limit}`} />;
  return (
    <ProgressBar
      value={Math.min(100, Math.round((line.inUse / line.limit) * 100))}
      status={line.status === 'AT_LIMIT' ? 'error' : 'in-progress'}
      description={`${line.inUse} of ${line.limit}${line.status === 'NEAR_LIMIT' ? ' (near limit)' : line.status === 'AT_LIMIT' ? ' (at limit)' : ''}`}
      ariaLabel={label}
    />
  );
}

function locationStatus(report: QuotaReport): string {
  if (report.error !== null) return 'UNKNOWN';
  if (report.quotas.some((q) => q.status === 'AT_LIMIT')) return 'AT_LIMIT';
  if (report.quotas.some((q) => q.status === 'NEAR_LIMIT')) return 'NEAR_LIMIT';
  if (report.quotas.some((q) => q.status === 'UNKNOWN')) return 'UNKNOWN';
  return 'OK';
}

interface PlanReadinessRow {
  plan: RecoveryPlan;
  readiness?: PlanReadiness;
  error?: string;
}

export function DashboardPage() {
  const { api, permissions } = useServices();

  const executions = useQuery('dashboard:executions', () => api.executions.list({ limit: 50 }), {
    pollMs: livePollMs,
    // Keep following while something runs; a new execution started elsewhere shows on the next visit.
    keepPolling: (page) => page.items.some((e) => isActive(e.status)),
  });
  const capacity = useQuery('dashboard:capacity', () => api.drs.capacity());
  const readiness = useQuery('dashboard:readiness', async (): Promise<PlanReadinessRow[]> => {
    const plans = (await listAll((p) => api.recoveryPlans.list(p))).slice(0, readinessPlansShown);
    return Promise.all(
      plans.map(async (plan) => {
        try {
          return { plan, readiness: await api.recoveryPlans.readiness(plan.planId) };
        } catch (error) {
          return { plan, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
  });

  const all = executions.data?.items ?? [];
  const active = all.filter((e) => isActive(e.status));
  const recent = all.filter((e) => !isActive(e.status)).slice(0, 5);

  return (
    <ContentLayout header={<Header variant="h1" description="Live executions, recent results, DRS capacity and plan readiness.">Dashboard</Header>}>
      <SpaceBetween size="l">
        <Container header={<Header variant="h2" counter={executions.data ? `(${active.length})` : undefined}>Active executions</Header>} data-testid="active-executions">
          {executions.loading && !executions.data ? (
            <Box>Loading executions...</Box>
          ) : active.length === 0 ? (
            <EmptyState title="No active executions" subtitle="Start a drill from a recovery plan." />
          ) : (
            <ColumnLayout columns={2} borders="horizontal">
              {active.map((e) => (
                <SpaceBetween size="xs" key={e.executionId}>
                  <Box variant="h3">
                    <RouterLink href={`/executions/${e.executionId}`}>{e.planName}</RouterLink> <StatusBadge status={e.status} />
                  </Box>
                  <ProgressBar
                    value={progressOf(e)}
                    label={`${e.type} - wave ${e.currentWaveIndex === null ? 0 : e.currentWaveIndex + 1} of ${e.waveCount}`}
                    description={`Started by ${e.initiatedBy}; running for ${formatDuration(e.startedAt ?? e.createdAt, null)}`}
                  />
                </SpaceBetween>
              ))}
            </ColumnLayout>
          )}
        </Container>

        <Table<ExecutionSummary>
          data-testid="recent-results"
          header={<Header variant="h2">Recent results</Header>}
          loading={executions.loading && !executions.data}
          loadingText="Loading executions"
          items={recent}
          empty={<EmptyState title="No finished executions yet" />}
          columnDefinitions={[
            { id: 'plan', header: 'Plan', cell: (e) => <RouterLink href={`/executions/${e.executionId}`}>{e.planName}</RouterLink> },
            { id: 'type', header: 'Type', cell: (e) => e.type },
            { id: 'status', header: 'Result', cell: (e) => <StatusBadge status={e.status} /> },
            { id: 'waves', header: 'Waves', cell: (e) => e.waveCount },
            { id: 'ended', header: 'Ended', cell: (e) => formatDateTime(e.endedAt) },
            { id: 'duration', header: 'Duration', cell: (e) => formatDuration(e.startedAt, e.endedAt) },
          ]}
        />

        <Table<QuotaReport>
          data-testid="capacity"
          trackBy={(r) => `${r.accountId}/${r.region}`}
          header={
            <Header
              variant="h2"
              description={
                capacity.data && capacity.data.unreadable > 0
                  ? `Per account and region, against DRS's limits. ${capacity.data.unreadable} location(s) could not be read.`
                  : "Per account and region, against DRS's limits."
              }
            >
              DRS quotas and capacity
            </Header>
          }
          loading={capacity.loading}
          loadingText="Reading DRS quotas"
          items={capacity.data?.locations ?? []}
          empty={<EmptyState title="No target accounts or regions" subtitle="Add a target account to see its capacity." />}
          columnDefinitions={[
            { id: 'account', header: 'Account', cell: (r) => r.accountId },
            { id: 'region', header: 'Region', cell: (r) => r.region },
            { id: 'status', header: 'Status', cell: (r) => <StatusBadge status={locationStatus(r)} label={r.error ? `UNKNOWN: ${r.error}` : undefined} /> },
            { id: 'replicating', header: 'Replicating servers', cell: (r) => <UsageBar report={r} name="replicatingServers" label="Replicating servers" /> },
            { id: 'jobs', header: 'Concurrent jobs', cell: (r) => <UsageBar report={r} name="concurrentJobs" label="Concurrent jobs" /> },
            { id: 'inJobs', header: 'Servers in active jobs', cell: (r) => <UsageBar report={r} name="serversInActiveJobs" label="Servers in active jobs" /> },
          ]}
        />

        <Table<PlanReadinessRow>
          data-testid="plan-readiness"
          header={<Header variant="h2">Plan readiness</Header>}
          loading={readiness.loading}
          loadingText="Checking plans"
          items={readiness.data ?? []}
          empty={
            <EmptyState
              title="No recovery plans"
              action={permissions.has(Permissions.createRecoveryPlan) ? <RouterLink href="/recovery-plans/new">Create a recovery plan</RouterLink> : undefined}
            />
          }
          columnDefinitions={[
            { id: 'plan', header: 'Plan', cell: (r) => <RouterLink href={`/recovery-plans/${r.plan.planId}`}>{r.plan.name}</RouterLink> },
            {
              id: 'ready',
              header: 'Readiness',
              cell: (r) =>
                r.error ? (
                  <StatusBadge status="UNKNOWN" label={`Unknown: ${r.error}`} />
                ) : r.readiness?.ready ? (
                  <StatusBadge status="PASS" label="Ready" />
                ) : (
                  <StatusBadge status={r.readiness?.status ?? 'UNKNOWN'} label={`Not ready (${r.readiness?.status ?? 'UNKNOWN'})`} />
                ),
            },
            { id: 'waves', header: 'Waves', cell: (r) => r.plan.waves.length },
            { id: 'servers', header: 'Servers', cell: (r) => r.readiness?.serverCount ?? '-' },
            {
              id: 'issues',
              header: 'Issues',
              cell: (r) =>
                r.readiness?.checks
                  .filter((c) => c.status !== 'PASS')
                  .map((c) => c.message)
                  .join('; ') || '-',
            },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
