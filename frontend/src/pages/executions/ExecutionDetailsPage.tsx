import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { Execution, ExecutionServer, ExecutionWave, JobLogEvent } from '../../api/types';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { ConfirmModal } from '../../components/ConfirmModal';
import { downloadJson } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime, formatDuration } from '../../components/format';
import { DisabledReasons, GuardedButton } from '../../components/GuardedButton';
import { RouterLink } from '../../components/RouterLink';
import { StatusBadge } from '../../components/StatusBadge';
import { executionActions, isActive } from '../../domain/executionActions';

/** Issue 7: the details page follows an active execution every 3 s and stops once it has ended. */
export const executionPollMs = 3000;

type Confirming = 'cancel' | 'terminate' | null;

function WaveServers({ wave }: { wave: ExecutionWave }) {
  return (
    <Table<ExecutionServer>
      variant="embedded"
      data-testid={`wave-${wave.waveNumber}-servers`}
      items={wave.servers}
      empty={<EmptyState title="No servers resolved for this wave yet" />}
      columnDefinitions={[
        { id: 'server', header: 'Source server', cell: (s) => (s.hostname ? `${s.hostname} (${s.sourceServerId})` : s.sourceServerId) },
        { id: 'criticality', header: 'Criticality', cell: (s) => s.criticality },
        { id: 'status', header: 'Launch status', cell: (s) => <StatusBadge status={s.launchStatus} /> },
        { id: 'job', header: 'DRS job', cell: (s) => s.jobId ?? '-' },
        { id: 'instance', header: 'Recovery instance', cell: (s) => s.ec2InstanceId ?? s.recoveryInstanceId ?? '-' },
        { id: 'launched', header: 'Launched', cell: (s) => formatDateTime(s.launchedAt) },
        { id: 'error', header: 'Error', cell: (s) => s.error ?? '-' },
      ]}
    />
  );
}

function WaveTimeline({ execution }: { execution: Execution }) {
  return (
    <div data-testid="wave-timeline">
      <SpaceBetween size="s">
        <Header variant="h2">Wave timeline</Header>
        {execution.waves.map((wave) => (
          <ExpandableSection
            key={wave.waveNumber}
            variant="container"
            defaultExpanded={wave.status !== 'PENDING'}
            headerText={`Wave ${wave.waveNumber}: ${wave.name}`}
            headerInfo={
              <SpaceBetween direction="horizontal" size="xs">
                <StatusBadge status={wave.status} />
                {wave.pauseBefore && <Box variant="small">pause before</Box>}
                <Box variant="small">{formatDuration(wave.startedAt, wave.endedAt)}</Box>
              </SpaceBetween>
            }
            data-testid={`wave-${wave.waveNumber}`}
          >
            <WaveServers wave={wave} />
          </ExpandableSection>
        ))}
      </SpaceBetween>
    </div>
  );
}

interface LogRow extends JobLogEvent {
  jobId: string;
  waveNumber: number;
}

function JobLogs({ executionId, active }: { executionId: string; active: boolean }) {
  const { api } = useServices();
  const logs = useQuery(`job-logs:${executionId}`, () => api.executions.jobLogs(executionId), {
    pollMs: executionPollMs,
    keepPolling: () => active,
  });
  const rows: LogRow[] = (logs.data?.jobs ?? [])
    .flatMap((job) => job.events.map((e) => ({ ...e, jobId: job.jobId, waveNumber: job.waveNumber })))
    .sort((a, b) => a.logDateTime.localeCompare(b.logDateTime));
  return (
    <Table<LogRow>
      data-testid="job-logs"
      header={<Header variant="h2" counter={logs.data ? `(${rows.length})` : undefined}>DRS job log events</Header>}
      loading={logs.loading}
      loadingText="Loading job logs"
      items={rows}
      empty={<EmptyState title="No DRS job events yet" />}
      columnDefinitions={[
        { id: 'time', header: 'Time', cell: (r) => formatDateTime(r.logDateTime) },
        { id: 'wave', header: 'Wave', cell: (r) => r.waveNumber },
        { id: 'job', header: 'Job', cell: (r) => r.jobId },
        { id: 'event', header: 'Event', cell: (r) => r.event },
        { id: 'data', header: 'Details', cell: (r) => (r.eventData ? JSON.stringify(r.eventData) : '-') },
      ]}
    />
  );
}

export default function ExecutionDetailsPage() {
  const { executionId = '' } = useParams();
  const { api, permissions } = useServices();
  const action = useAction();
  const [confirming, setConfirming] = useState<Confirming>(null);

  const query = useQuery(`execution:${executionId}`, () => api.executions.get(executionId), {
    pollMs: executionPollMs,
    keepPolling: (e) => isActive(e.status),
  });
  const execution = query.data;

  if (!execution) {
    return (
      <ContentLayout header={<Header variant="h1">Execution {executionId}</Header>}>
        {query.loading ? <Spinner size="large" /> : <EmptyState title="The execution could not be loaded." />}
      </ContentLayout>
    );
  }

  const actions = executionActions(execution, permissions);
  const active = isActive(execution.status);
  const act = async (call: () => Promise<unknown>, success: string) => {
    const result = await action.run(call, success);
    setConfirming(null);
    // Reload even after a failure: the usual cause is that the state moved on meanwhile.
    void result;
    query.reload();
  };

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={`${execution.executionType} of ${execution.planName}`}
          actions={
            <SpaceBetween size="xs">
              <SpaceBetween direction="horizontal" size="xs">
                <GuardedButton state={actions.pause} loading={action.busy} data-testid="pause-execution" onClick={() => void act(() => api.executions.pause(executionId), 'Pause requested.')}>
                  Pause
                </GuardedButton>
                <GuardedButton state={actions.resume} loading={action.busy} data-testid="resume-execution" onClick={() => void act(() => api.executions.resume(executionId), 'Execution resumed.')}>
                  Resume
                </GuardedButton>
                <GuardedButton state={actions.cancel} data-testid="cancel-execution" onClick={() => setConfirming('cancel')}>
                  Cancel
                </GuardedButton>
                <GuardedButton state={actions.terminate} data-testid="terminate-instances" onClick={() => setConfirming('terminate')}>
                  Terminate instances
                </GuardedButton>
                <Button
                  iconName="download"
                  data-testid="download-report"
                  onClick={() =>
                    void action.run(async () => {
                      const report = await api.executions.report(executionId);
                      downloadJson(`execution-${executionId}-report.json`, report);
                    }, 'Evidence report downloaded.')
                  }
                >
                  Evidence report
                </Button>
              </SpaceBetween>
              <DisabledReasons states={{ Pause: actions.pause, Resume: actions.resume, Cancel: actions.cancel, 'Terminate instances': actions.terminate }} />
            </SpaceBetween>
          }
        >
          {execution.planName} <StatusBadge status={execution.status} />
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Summary</Header>} data-testid="execution-summary">
          <ColumnLayout columns={1}>
            <KeyValuePairs
              columns={4}
              items={[
                { label: 'Status', value: <StatusBadge status={execution.status} /> },
                { label: 'Type', value: execution.executionType },
                { label: 'Plan', value: <RouterLink href={`/recovery-plans/${execution.planId}`}>{execution.planName}</RouterLink> },
                { label: 'Execution ID', value: execution.executionId },
                { label: 'Started by', value: execution.startedBy },
                { label: 'Started', value: formatDateTime(execution.startedAt) },
                { label: 'Ended', value: formatDateTime(execution.endedAt) },
                { label: 'Duration', value: formatDuration(execution.startedAt, execution.endedAt) },
                { label: 'Wave', value: `${execution.currentWave ?? 0} of ${execution.totalWaves}` },
                { label: 'Servers', value: `${execution.launchedServers} launched, ${execution.failedServers} failed of ${execution.totalServers}` },
                { label: 'Live updates', value: active ? `every ${executionPollMs / 1000} s` : 'stopped (execution ended)' },
              ]}
            />
          </ColumnLayout>
        </Container>

        <WaveTimeline execution={execution} />
        <JobLogs executionId={executionId} active={active} />

        {execution.history && execution.history.length > 0 && (
          <Table
            data-testid="execution-history"
            header={<Header variant="h2">History</Header>}
            items={execution.history}
            columnDefinitions={[
              { id: 'at', header: 'Time', cell: (h) => formatDateTime(h.at) },
              { id: 'actor', header: 'Who', cell: (h) => h.actor },
              { id: 'action', header: 'Action', cell: (h) => h.action },
              { id: 'detail', header: 'Detail', cell: (h) => h.detail ?? '-' },
            ]}
          />
        )}
      </SpaceBetween>

      <ConfirmModal
        visible={confirming === 'cancel'}
        header="Cancel execution"
        confirmText="Cancel execution"
        busy={action.busy}
        testId="confirm-cancel"
        onCancel={() => setConfirming(null)}
        onConfirm={() => void act(() => api.executions.cancel(executionId), 'Cancellation requested.')}
      >
        Waves that have not started will be skipped; DRS jobs already running finish on their own. Instances already launched stay running.
      </ConfirmModal>
      <ConfirmModal
        visible={confirming === 'terminate'}
        header="Terminate drill instances"
        confirmText="Terminate instances"
        busy={action.busy}
        testId="confirm-terminate"
        onCancel={() => setConfirming(null)}
        onConfirm={() => void act(() => api.executions.terminateInstances(executionId), 'Termination of the drill instances started.')}
      >
        This terminates the {execution.launchedServers} recovery instance(s) this drill launched in DRS. Source servers and replication are not affected.
      </ConfirmModal>
    </ContentLayout>
  );
}
