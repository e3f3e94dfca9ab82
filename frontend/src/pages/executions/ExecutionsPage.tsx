import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useState } from 'react';
import type { ExecutionStatus, ExecutionSummary, ExecutionType } from '../../api/types';
import { useFlash } from '../../app/flash';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime, formatDuration } from '../../components/format';
import { RouterLink } from '../../components/RouterLink';
import { StatusBadge } from '../../components/StatusBadge';
import { isActive } from '../../domain/executionActions';

const statuses: ExecutionStatus[] = ['PENDING', 'RUNNING', 'PAUSED', 'CANCELLING', 'COMPLETED', 'PARTIAL', 'FAILED', 'CANCELLED'];
const anyOption: SelectProps.Option = { value: '', label: 'Any' };
const statusOptions: SelectProps.Option[] = [anyOption, ...statuses.map((s) => ({ value: s, label: s }))];
const typeOptions: SelectProps.Option[] = [anyOption, { value: 'DRILL', label: 'DRILL' }, { value: 'RECOVERY', label: 'RECOVERY' }];

interface Loaded {
  items: ExecutionSummary[];
  nextToken?: string | null;
}

export default function ExecutionsPage() {
  const { api, permissions } = useServices();
  const flash = useFlash();
  const [selected, setSelected] = useState<ExecutionSummary[]>([]);
  const [deleting, setDeleting] = useState(false);
  const [status, setStatus] = useState<SelectProps.Option>(anyOption);
  const [type, setType] = useState<SelectProps.Option>(anyOption);
  const [text, setText] = useState('');
  const [more, setMore] = useState<{ key: string; items: ExecutionSummary[]; nextToken?: string | null } | null>(null);

  // The status and type filters run on the server; the text filter narrows what is loaded.
  const key = `executions:${status.value}:${type.value}`;
  const filter = { status: (status.value || undefined) as ExecutionStatus | undefined, type: (type.value || undefined) as ExecutionType | undefined };
  const query = useQuery<Loaded>(key, () => api.executions.list({ ...filter, limit: 50 }), {
    pollMs: 5000,
    keepPolling: (page) => page.items.some((e) => isActive(e.status)),
  });

  const extra = more?.key === key ? more : null;
  const loaded = [...(query.data?.items ?? []), ...(extra?.items ?? [])];
  const nextToken = extra ? extra.nextToken : query.data?.nextToken;
  const needle = text.trim().toLowerCase();
  const items = needle
    ? loaded.filter((e) => `${e.planName} ${e.executionId} ${e.initiatedBy}`.toLowerCase().includes(needle))
    : loaded;

  const action = useAction();
  const loadMore = () =>
    action.run(async () => {
      if (!nextToken) return;
      const next = await api.executions.list({ ...filter, limit: 50, nextToken });
      setMore({ key, items: [...(extra?.items ?? []), ...next.items], nextToken: next.nextToken });
    });

  const activeSelected = selected.filter((e) => isActive(e.status));
  const deleteReason =
    missingPermissionReason(permissions, Permissions.manageExecution) ??
    (selected.length === 0 ? 'Select finished executions first.' : activeSelected.length > 0 ? 'Only finished executions can be deleted.' : undefined);
  const remove = async () => {
    const result = await action.run(() => api.executions.removeMany(selected.map((e) => e.executionId)), undefined, 'Delete failed');
    setDeleting(false);
    if (result) {
      const refused = result.refused.map((r) => `${r.executionId} (${r.code})`);
      const text = `${result.deleted.length} execution(s) deleted.${refused.length ? ` Refused: ${refused.join(', ')}.` : ''}${result.notFound.length ? ` Not found: ${result.notFound.join(', ')}.` : ''}`;
      if (refused.length) flash.info(text);
      else flash.success(text);
      setSelected([]);
      setMore(null);
      query.reload();
    }
  };

  return (
    <>
    <Table<ExecutionSummary>
      data-testid="executions-table"
      variant="full-page"
      selectionType="multi"
      trackBy="executionId"
      selectedItems={selected}
      onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
      ariaLabels={{ itemSelectionLabel: (_, e) => `Select ${e.executionId}`, allItemsSelectionLabel: () => 'Select all executions', selectionGroupLabel: 'Executions' }}
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={query.data ? `(${items.length})` : undefined}
          description="Every drill and recovery, newest first."
          actions={
            permissions.has(Permissions.manageExecution) && (
              <Button disabled={!!deleteReason} disabledReason={deleteReason} data-testid="delete-executions" onClick={() => setDeleting(true)}>
                Delete
              </Button>
            )
          }
        >
          Executions
        </Header>
      }
      loading={query.loading}
      loadingText="Loading executions"
      items={items}
      filter={
        <SpaceBetween direction="horizontal" size="s">
          <TextFilter filteringText={text} filteringPlaceholder="Find by plan, ID or user" filteringAriaLabel="Find executions" onChange={(e) => setText(e.detail.filteringText)} />
          <Select selectedOption={status} options={statusOptions} onChange={(e) => setStatus(e.detail.selectedOption)} inlineLabelText="Status" ariaLabel="Filter by status" data-testid="status-filter" />
          <Select selectedOption={type} options={typeOptions} onChange={(e) => setType(e.detail.selectedOption)} inlineLabelText="Type" ariaLabel="Filter by type" data-testid="type-filter" />
        </SpaceBetween>
      }
      empty={<EmptyState title="No executions" subtitle={needle || status.value || type.value ? 'Nothing matches the filters.' : 'Run a drill from a recovery plan.'} />}
      footer={nextToken ? <Button onClick={() => void loadMore()} loading={action.busy} data-testid="load-more">Load more</Button> : undefined}
      columnDefinitions={[
        { id: 'plan', header: 'Plan', cell: (e) => <RouterLink href={`/executions/${e.executionId}`}>{e.planName}</RouterLink> },
        { id: 'type', header: 'Type', cell: (e) => e.type },
        { id: 'status', header: 'Status', cell: (e) => <StatusBadge status={e.status} /> },
        { id: 'wave', header: 'Wave', cell: (e) => `${e.currentWaveIndex === null ? 0 : e.currentWaveIndex + 1} of ${e.waveCount}` },
        { id: 'startedBy', header: 'Started by', cell: (e) => e.initiatedBy },
        { id: 'started', header: 'Started', cell: (e) => formatDateTime(e.startedAt) },
        { id: 'duration', header: 'Duration', cell: (e) => formatDuration(e.startedAt, e.endedAt) },
      ]}
    />
    <ConfirmModal visible={deleting} header="Delete executions" confirmText="Delete" busy={action.busy} testId="confirm-delete-executions" onCancel={() => setDeleting(false)} onConfirm={() => void remove()}>
      Delete the history of {selected.length} finished execution(s)? Recovery instances in DRS are not affected.
    </ConfirmModal>
    </>
  );
}
