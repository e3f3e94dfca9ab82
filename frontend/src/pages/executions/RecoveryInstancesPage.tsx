import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useParams } from 'react-router-dom';
import type { Execution, ExecutionRecoveryInstance, ServerRecord } from '../../api/types';
import { useServices } from '../../app/services';
import { useQuery } from '../../app/useQuery';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime, formatDuration } from '../../components/format';
import { RouterLink } from '../../components/RouterLink';
import { StatusBadge } from '../../components/StatusBadge';
import { isActive } from '../../domain/executionActions';
import { executionHref, executionPollMs, jobLogHref } from './executionLinks';

interface Row extends ExecutionRecoveryInstance {
  /** The run's record of the launch (when it started and ended), matched by server and wave. */
  record: ServerRecord | undefined;
}

function rowsOf(items: ExecutionRecoveryInstance[], execution: Execution | undefined): Row[] {
  const records = execution?.waves.flatMap((w) => w.servers.map((s) => ({ wave: w.name, s }))) ?? [];
  return items.map((item) => ({
    ...item,
    record: records.find((r) => r.wave === item.waveName && r.s.sourceServerId === item.sourceServerId)?.s,
  }));
}

// EC2's words, not the run's: a RUNNING instance is the goal reached, not work in progress.
const ec2StateTypes: Record<string, StatusIndicatorProps.Type> = {
  RUNNING: 'success',
  PENDING: 'pending',
  STOPPING: 'in-progress',
  STOPPED: 'stopped',
  'SHUTTING-DOWN': 'in-progress',
  TERMINATED: 'stopped',
  NOT_FOUND: 'warning',
};

function Ec2State({ state }: { state: string | null }) {
  if (!state) return <>-</>;
  return <StatusIndicator type={ec2StateTypes[state.toUpperCase()] ?? 'info'}>{state}</StatusIndicator>;
}

function kind(isDrill: boolean | null): string {
  if (isDrill === null) return 'Unknown (not listed by DRS)';
  return isDrill ? 'Drill' : 'Recovery';
}

/** The recovery instances an execution launched, with DRS's current view of each, refreshed while the run is active. */
export default function RecoveryInstancesPage() {
  const { executionId = '' } = useParams();
  const { api } = useServices();
  const execution = useQuery(`execution:${executionId}`, () => api.executions.get(executionId), {
    pollMs: executionPollMs,
    keepPolling: (e) => isActive(e.status),
    quiet: true,
  });
  const active = execution.data ? isActive(execution.data.status) : false;
  const instances = useQuery(`recovery-instances:${executionId}`, () => api.executions.recoveryInstances(executionId), {
    pollMs: executionPollMs,
    // Both load at once: until the execution is known, assume it may still be running.
    keepPolling: () => execution.loading || active,
    quiet: true,
  });
  const rows = rowsOf(instances.data?.items ?? [], execution.data);
  const error = instances.error ?? execution.error;

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={
            execution.data ? (
              <>
                {execution.data.type} of {execution.data.planName} <StatusBadge status={execution.data.status} />
                {active ? ` - refreshed every ${executionPollMs / 1000} s` : ''}
              </>
            ) : undefined
          }
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel="Refresh recovery instances" loading={instances.loading} onClick={instances.reload} />
              <RouterLink href={executionHref(executionId)}>Back to the execution</RouterLink>
            </SpaceBetween>
          }
        >
          Recovery instances
        </Header>
      }
    >
      <SpaceBetween size="l">
        {error && !instances.data && (
          <Alert type="error" header="The recovery instances could not be loaded" data-testid="recovery-instances-error">
            {error.code}: {error.message}
          </Alert>
        )}
        <Table<Row>
          data-testid="recovery-instances"
          trackBy="recoveryInstanceId"
          header={<Header variant="h2" counter={instances.data ? `(${rows.length})` : undefined} description="What the run recorded, with the instance's current state from DRS.">Instances</Header>}
          loading={instances.loading && !instances.data}
          loadingText="Loading recovery instances from DRS"
          items={rows}
          empty={
            <EmptyState
              title="No recovery instances"
              subtitle={active ? 'None launched yet; this page refreshes while the execution runs.' : 'This execution launched no recovery instances.'}
            />
          }
          columnDefinitions={[
            { id: 'server', header: 'Source server', cell: (r) => r.sourceServerId },
            { id: 'wave', header: 'Wave', cell: (r) => r.waveName },
            { id: 'instance', header: 'EC2 instance', cell: (r) => r.ec2InstanceId ?? '-' },
            { id: 'state', header: 'EC2 state', cell: (r) => <Ec2State state={r.ec2InstanceState} /> },
            { id: 'recovery', header: 'Recovery instance ID', cell: (r) => r.recoveryInstanceId },
            { id: 'kind', header: 'Drill / recovery', cell: (r) => kind(r.isDrill) },
            { id: 'launch', header: 'Launch status', cell: (r) => <StatusBadge status={r.launchStatus} /> },
            { id: 'launched', header: 'Launched', cell: (r) => formatDateTime(r.record?.launchEndedAt ?? r.record?.launchStartedAt) },
            { id: 'took', header: 'Launch took', cell: (r) => (r.record?.launchStartedAt ? formatDuration(r.record.launchStartedAt, r.record.launchEndedAt) : '-') },
            { id: 'location', header: 'Account / region', cell: (r) => `${r.accountId} / ${r.region}` },
            { id: 'job', header: 'DRS job', cell: (r) => (r.jobId ? <RouterLink href={jobLogHref(executionId, r.jobId)}>{r.jobId}</RouterLink> : '-') },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
