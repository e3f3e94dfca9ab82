import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { TagSyncLocationResult, TagSyncRun } from '../../api/types';
import { formatDateTime, formatDuration } from '../../components/format';
import { StatusBadge } from '../../components/StatusBadge';

export function runText(run: TagSyncRun): string {
  const tagged = run.locations.reduce((n, l) => n + l.tagged, 0);
  const failed = run.locations.filter((l) => l.error !== null).map((l) => `${l.accountId}/${l.region}`);
  return `${run.succeeded ? 'Succeeded' : 'Failed'}: ${tagged} server(s) tagged in ${run.locations.length} location(s)${failed.length ? `; unreadable: ${failed.join(', ')}` : ''}.`;
}

/** One tag sync run: what it did overall and in every account/region it visited. */
export function TagSyncRunDetails({ run, testId }: { run: TagSyncRun; testId: string }) {
  const locations = Array.isArray(run.locations) ? run.locations : [];
  return (
    <SpaceBetween size="s">
      <KeyValuePairs
        data-testid={testId}
        columns={4}
        items={[
          { label: 'Result', value: <StatusBadge status={run.succeeded ? 'COMPLETED' : 'FAILED'} label={runText({ ...run, locations })} /> },
          { label: 'Started', value: formatDateTime(run.startedAt) },
          { label: 'Duration', value: formatDuration(run.startedAt, run.endedAt) },
          { label: 'Triggered by', value: `${run.trigger === 'SCHEDULE' ? 'Schedule' : 'Run now'} (${run.triggeredBy || '-'})` },
          ...(run.error ? [{ label: 'Error', value: run.error }] : []),
        ]}
      />
      <Table<TagSyncLocationResult>
        variant="embedded"
        data-testid={`${testId}-locations`}
        items={locations}
        trackBy={(l) => `${l.accountId}/${l.region}`}
        empty="No target account and region was visited: register an account first."
        columnDefinitions={[
          { id: 'account', header: 'Account', cell: (l) => l.accountId },
          { id: 'region', header: 'Region', cell: (l) => l.region },
          { id: 'scanned', header: 'Scanned', cell: (l) => l.scanned },
          { id: 'matched', header: 'Matched', cell: (l) => l.matched },
          { id: 'tagged', header: 'Tagged', cell: (l) => l.tagged },
          { id: 'failed', header: 'Tag writes failed', cell: (l) => l.failed },
          { id: 'error', header: 'Error', cell: (l) => l.error ?? '-' },
        ]}
      />
    </SpaceBetween>
  );
}
