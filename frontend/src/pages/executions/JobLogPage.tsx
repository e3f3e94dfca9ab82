import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Table from '@cloudscape-design/components/table';
import { useParams } from 'react-router-dom';
import type { DrsJobRecord, Execution, JobLogItem } from '../../api/types';
import { useServices } from '../../app/services';
import { useQuery } from '../../app/useQuery';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { RouterLink } from '../../components/RouterLink';
import { StatusBadge } from '../../components/StatusBadge';
import { isActive } from '../../domain/executionActions';
import { executionHref, executionPollMs, recoveryInstancesHref } from './executionLinks';

export interface JobLogRow extends JobLogItem {
  key: string;
}

/**
 * Events oldest first, as DRS logged them; events without a time (none expected) go last, and events
 * with the same time keep the order DRS returned them in.
 */
export function inTimeOrder(items: JobLogItem[]): JobLogRow[] {
  return items
    .map((item, index) => ({ row: { ...item, key: String(index) }, at: item.logDateTime ? Date.parse(item.logDateTime) : Number.NaN, index }))
    .sort((a, b) => {
      const aMissing = Number.isNaN(a.at);
      const bMissing = Number.isNaN(b.at);
      if (aMissing !== bMissing) return aMissing ? 1 : -1;
      return (aMissing ? 0 : a.at - b.at) || a.index - b.index;
    })
    .map((decorated) => decorated.row);
}

function findJob(execution: Execution, jobId: string): { job: DrsJobRecord; waveName: string } | null {
  for (const wave of execution.waves) {
    const job = wave.jobs.find((j) => j.jobId === jobId);
    if (job) return { job, waveName: wave.name };
  }
  return null;
}

/** One DRS job of an execution: what the run recorded and DRS's log of the job, followed while the run is active. */
export default function JobLogPage() {
  const { executionId = '', jobId = '' } = useParams();
  const { api } = useServices();
  const execution = useQuery(`execution:${executionId}`, () => api.executions.get(executionId), {
    pollMs: executionPollMs,
    keepPolling: (e) => isActive(e.status),
    quiet: true,
  });
  const found = execution.data ? findJob(execution.data, jobId) : null;
  // The job's log lives in DRS of the job's own account and region.
  const location = found ? { accountId: found.job.accountId, region: found.job.region } : null;
  const following = !!execution.data && (isActive(execution.data.status) || found?.job.status !== 'COMPLETED');
  const logs = useQuery(location ? `job-log:${jobId}:${location.accountId}:${location.region}` : null, () => api.drs.jobLogs(jobId, location!), {
    pollMs: executionPollMs,
    keepPolling: () => following,
    quiet: true,
  });

  const header = (
    <Header
      variant="h1"
      description={execution.data ? `${execution.data.type} of ${execution.data.planName}` : undefined}
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          <Button iconName="refresh" ariaLabel="Refresh the job log" loading={logs.loading} disabled={!location} onClick={logs.reload} />
          <RouterLink href={recoveryInstancesHref(executionId)}>Recovery instances</RouterLink>
          <RouterLink href={executionHref(executionId)}>Back to the execution</RouterLink>
        </SpaceBetween>
      }
    >
      DRS job {jobId}
    </Header>
  );

  if (!execution.data) {
    return (
      <ContentLayout header={header}>
        {execution.loading ? (
          <Spinner size="large" />
        ) : (
          <Alert type="error" header="The execution could not be loaded" data-testid="job-log-error">
            {execution.error ? `${execution.error.code}: ${execution.error.message}` : 'Unknown error.'}
          </Alert>
        )}
      </ContentLayout>
    );
  }
  if (!found) {
    return (
      <ContentLayout header={header}>
        <EmptyState title={`Job ${jobId} is not a DRS job of this execution`} action={<RouterLink href={executionHref(executionId)}>Open the execution</RouterLink>} />
      </ContentLayout>
    );
  }

  const { job, waveName } = found;
  const rows = inTimeOrder(logs.data?.items ?? []);
  return (
    <ContentLayout header={header}>
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Job</Header>} data-testid="job-summary">
          <KeyValuePairs
            columns={4}
            items={[
              { label: 'Job ID', value: jobId },
              { label: 'Wave', value: waveName },
              { label: 'Status', value: job.status ? <StatusBadge status={job.status} /> : 'Not started' },
              { label: 'Account / region', value: `${job.accountId} / ${job.region}` },
              { label: 'Source servers', value: job.sourceServerIds.join(', ') || '-' },
              { label: 'Requested', value: formatDateTime(job.intentRecordedAt) },
              { label: 'Started', value: formatDateTime(job.startedAt) },
              { label: 'Ended', value: formatDateTime(job.endedAt) },
            ]}
          />
        </Container>
        {logs.error && (
          <Alert type="error" header="The DRS job log could not be read" data-testid="job-log-error">
            {logs.error.code}: {logs.error.message}
          </Alert>
        )}
        <Table<JobLogRow>
          data-testid="job-log"
          trackBy="key"
          header={
            <Header variant="h2" counter={logs.data ? `(${rows.length})` : undefined} description={following ? `Oldest first; refreshed every ${executionPollMs / 1000} s while the job runs.` : 'Oldest first.'}>
              Log events
            </Header>
          }
          loading={logs.loading && !logs.data}
          loadingText="Loading the job log from DRS"
          items={rows}
          empty={<EmptyState title="No log events" subtitle={following ? 'DRS has not logged anything for this job yet.' : undefined} />}
          columnDefinitions={[
            { id: 'time', header: 'Time', cell: (r) => formatDateTime(r.logDateTime) },
            { id: 'event', header: 'Event', cell: (r) => r.event ?? '-' },
            { id: 'server', header: 'Source server', cell: (r) => r.eventData?.sourceServerId ?? '-' },
            { id: 'conversion', header: 'Conversion server', cell: (r) => r.eventData?.conversionServerId ?? '-' },
            { id: 'target', header: 'Target instance', cell: (r) => r.eventData?.targetInstanceId ?? '-' },
            { id: 'error', header: 'Error', cell: (r) => r.eventData?.rawError ?? '-' },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
