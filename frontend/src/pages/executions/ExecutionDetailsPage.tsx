import Alert from '@cloudscape-design/components/alert';
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
import { useNavigate, useParams } from 'react-router-dom';
import type { Execution, JobLogItem, ServerRecord, WaveRecord } from '../../api/types';
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
import { executionActions, isActive, launchedInstances } from '../../domain/executionActions';
import { executionPollMs, jobLogHref, recoveryInstancesHref } from './executionLinks';

export { executionPollMs } from './executionLinks';

type Confirming = 'cancel' | 'terminate' | null;

function JobLink({ executionId, jobId }: { executionId: string; jobId: string }) {
  return (
    <RouterLink href={jobLogHref(executionId, jobId)} data-testid={`job-link-${jobId}`}>
      {jobId}
    </RouterLink>
  );
}

function WaveServers({ wave, executionId }: { wave: WaveRecord; executionId: string }) {
  const n = wave.waveIndex + 1;
  return (
    <Table<ServerRecord>
      variant="embedded"
      data-testid={`wave-${n}-servers`}
      items={wave.servers}
      empty={<EmptyState title="No servers resolved for this wave yet" />}
      columnDefinitions={[
        { id: 'server', header: 'Source server', cell: (s) => s.sourceServerId },
        { id: 'location', header: 'Account / region', cell: (s) => `${s.accountId} / ${s.region}` },
        { id: 'criticality', header: 'Criticality', cell: (s) => s.criticality },
        { id: 'status', header: 'Launch status', cell: (s) => <StatusBadge status={s.launchStatus} /> },
        { id: 'job', header: 'DRS job', cell: (s) => (s.jobId ? <JobLink executionId={executionId} jobId={s.jobId} /> : '-') },
        {
          id: 'instance',
          header: 'Recovery instance',
          // The recovery-instances page lists what has a recovery instance; anything else is plain text.
          cell: (s) =>
            s.recoveryInstanceId ? <RouterLink href={recoveryInstancesHref(executionId)}>{s.ec2InstanceId ?? s.recoveryInstanceId}</RouterLink> : (s.ec2InstanceId ?? '-'),
        },
        { id: 'launch', header: 'Launch time', cell: (s) => (s.launchStartedAt ? formatDuration(s.launchStartedAt, s.launchEndedAt) : '-') },
        { id: 'error', header: 'Failure', cell: (s) => s.failureReason ?? '-' },
      ]}
    />
  );
}

function WaveTimeline({ execution }: { execution: Execution }) {
  return (
    <div data-testid="wave-timeline">
      <SpaceBetween size="s">
        <Header variant="h2">Wave timeline</Header>
        {execution.waves.map((wave) => {
          const n = wave.waveIndex + 1;
          const jobIds = wave.jobs.map((j) => j.jobId).filter((id): id is string => id !== null);
          return (
            <ExpandableSection
              key={wave.waveIndex}
              variant="container"
              defaultExpanded={wave.status !== 'PENDING'}
              headerText={`Wave ${n}: ${wave.name}`}
              headerInfo={
                <SpaceBetween direction="horizontal" size="xs">
                  <StatusBadge status={wave.status} />
                  {execution.currentWaveIndex === wave.waveIndex && isActive(execution.status) && <Box variant="small">current</Box>}
                  <Box variant="small">{formatDuration(wave.startedAt, wave.endedAt)}</Box>
                  {jobIds.length > 0 && (
                    <Box variant="small">
                      jobs:{' '}
                      {jobIds.map((id, i) => (
                        <span key={id}>
                          {i > 0 && ', '}
                          <JobLink executionId={execution.executionId} jobId={id} />
                        </span>
                      ))}
                    </Box>
                  )}
                </SpaceBetween>
              }
              data-testid={`wave-${n}`}
            >
              <SpaceBetween size="s">
                {wave.failureReason && (
                  <Box color="text-status-error" data-testid={`wave-${n}-failure`}>
                    {wave.failureReason}
                  </Box>
                )}
                <WaveServers wave={wave} executionId={execution.executionId} />
              </SpaceBetween>
            </ExpandableSection>
          );
        })}
      </SpaceBetween>
    </div>
  );
}

interface LogRow extends JobLogItem {
  key: string;
  jobId: string;
  waveName: string;
}

function eventDetails(item: JobLogItem): string {
  const d = item.eventData;
  if (!d) return '-';
  return [d.sourceServerId, d.conversionServerId && `conversion ${d.conversionServerId}`, d.targetInstanceId && `instance ${d.targetInstanceId}`, d.rawError]
    .filter(Boolean)
    .join('; ') || '-';
}

function JobLogs({ executionId, active }: { executionId: string; active: boolean }) {
  const { api } = useServices();
  const logs = useQuery(`job-logs:${executionId}`, () => api.executions.jobLogs(executionId), {
    pollMs: executionPollMs,
    keepPolling: () => active,
  });
  const jobs = logs.data?.jobs ?? [];
  const unreadable = jobs.filter((j) => j.error !== null);
  const rows: LogRow[] = jobs
    .flatMap((job) => job.items.map((e, i) => ({ ...e, key: `${job.jobId}:${i}`, jobId: job.jobId, waveName: job.waveName })))
    .sort((a, b) => (a.logDateTime ?? '').localeCompare(b.logDateTime ?? ''));
  return (
    <Table<LogRow>
      data-testid="job-logs"
      trackBy="key"
      header={
        <Header
          variant="h2"
          counter={logs.data ? `(${rows.length})` : undefined}
          description={unreadable.length > 0 ? `Log not readable for ${unreadable.map((j) => `${j.jobId} (${j.error})`).join(', ')}.` : undefined}
        >
          DRS job log events
        </Header>
      }
      loading={logs.loading}
      loadingText="Loading job logs"
      items={rows}
      empty={<EmptyState title="No DRS job events yet" />}
      columnDefinitions={[
        { id: 'time', header: 'Time', cell: (r) => formatDateTime(r.logDateTime) },
        { id: 'wave', header: 'Wave', cell: (r) => r.waveName },
        { id: 'job', header: 'Job', cell: (r) => <RouterLink href={jobLogHref(executionId, r.jobId)}>{r.jobId}</RouterLink> },
        { id: 'event', header: 'Event', cell: (r) => r.event ?? '-' },
        { id: 'data', header: 'Details', cell: (r) => eventDetails(r) },
      ]}
    />
  );
}

/** While DRS terminates the drill's instances, ask how far it got (the status call also records the outcome). */
function TerminationProgress({ executionId }: { executionId: string }) {
  const { api } = useServices();
  const status = useQuery(`termination:${executionId}`, () => api.executions.terminationStatus(executionId), {
    pollMs: executionPollMs,
    keepPolling: (t) => t.termination.status === 'REQUESTED' || t.termination.status === 'IN_PROGRESS',
    quiet: true,
  });
  if (!status.data) return null;
  const t = status.data.termination;
  return (
    <Alert type={t.status === 'FAILED' ? 'error' : t.status === 'COMPLETED' ? 'success' : 'info'} header="Drill instance termination" data-testid="termination-progress">
      <StatusBadge status={t.status} /> {status.data.instancesRemaining} instance(s) remaining
      {t.jobIds.length > 0 ? `; DRS jobs ${t.jobIds.join(', ')}` : ''}
      {t.message ? `. ${t.message}` : ''}
    </Alert>
  );
}

function serverCounts(execution: Execution): string {
  const servers = execution.waves.flatMap((w) => w.servers);
  // DRS reports TERMINATED both for a launch it aborted and for a drill instance terminated afterwards;
  // only the second has a recovery instance, and it did launch.
  const terminatedAfterLaunch = servers.filter((s) => s.launchStatus === 'TERMINATED' && s.recoveryInstanceId !== null).length;
  const launched = servers.filter((s) => s.launchStatus === 'LAUNCHED').length + terminatedAfterLaunch;
  const failed = servers.filter((s) => s.launchStatus === 'FAILED' || (s.launchStatus === 'TERMINATED' && s.recoveryInstanceId === null)).length;
  const terminated = terminatedAfterLaunch ? ` (${terminatedAfterLaunch} since terminated)` : '';
  return `${launched} launched${terminated}, ${failed} failed of ${servers.length}`;
}

export default function ExecutionDetailsPage() {
  const { executionId = '' } = useParams();
  const navigate = useNavigate();
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
          description={`${execution.type} of ${execution.planName}`}
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
                <Button data-testid="open-recovery-instances" href={recoveryInstancesHref(executionId)} onFollow={(e) => { e.preventDefault(); navigate(recoveryInstancesHref(executionId)); }}>
                  Recovery instances
                </Button>
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
                { label: 'Type', value: execution.type },
                { label: 'Plan', value: <RouterLink href={`/recovery-plans/${execution.planId}`}>{execution.planName}</RouterLink> },
                { label: 'Execution ID', value: execution.executionId },
                { label: 'Started by', value: `${execution.initiatedBy} (${execution.invocationSource})` },
                { label: 'Started', value: formatDateTime(execution.startedAt) },
                { label: 'Ended', value: formatDateTime(execution.endedAt) },
                { label: 'Duration', value: formatDuration(execution.startedAt, execution.endedAt) },
                { label: 'Wave', value: `${execution.currentWaveIndex === null ? 0 : execution.currentWaveIndex + 1} of ${execution.waves.length}` },
                { label: 'Servers', value: serverCounts(execution) },
                { label: 'Pause', value: execution.pauseRequested ? 'requested before the next wave' : execution.pauseBeforeFirstWave ? 'before wave 1 (asked at start)' : '-' },
                { label: 'Instance termination', value: <StatusBadge status={execution.termination.status} label={execution.termination.message ? `${execution.termination.status}: ${execution.termination.message}` : undefined} /> },
                { label: 'Live updates', value: active ? `every ${executionPollMs / 1000} s` : 'stopped (execution ended)' },
              ]}
            />
          </ColumnLayout>
        </Container>

        {execution.failureCause && (
          <Alert type="error" header="Why the execution failed" data-testid="failure-cause">
            {execution.failureCause}
          </Alert>
        )}
        {execution.termination.status !== 'NOT_REQUESTED' && <TerminationProgress executionId={executionId} />}
        <WaveTimeline execution={execution} />
        <JobLogs executionId={executionId} active={active} />

        <Table
          data-testid="execution-history"
          header={<Header variant="h2" counter={`(${execution.audit.length})`}>Audit trail</Header>}
          items={execution.audit}
          empty={<EmptyState title="No audit entries yet" />}
          columnDefinitions={[
            { id: 'at', header: 'Time', cell: (h) => formatDateTime(h.at) },
            { id: 'actor', header: 'Who', cell: (h) => h.actor },
            { id: 'action', header: 'Action', cell: (h) => h.action.replace(/_/g, ' ') },
            { id: 'wave', header: 'Wave', cell: (h) => (h.waveIndex === null ? '-' : execution.waves[h.waveIndex]?.name ?? h.waveIndex + 1) },
            { id: 'detail', header: 'Detail', cell: (h) => h.detail ?? '-' },
          ]}
        />
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
        This terminates the {launchedInstances(execution)} recovery instance(s) this drill launched in DRS. Source servers and replication are not affected.
      </ConfirmModal>
    </ContentLayout>
  );
}
