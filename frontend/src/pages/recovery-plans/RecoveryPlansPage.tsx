import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { listAll } from '../../api/drsApi';
import type { ExecutionSummary, RecoveryPlan } from '../../api/types';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { RouterLink } from '../../components/RouterLink';
import { StatusBadge } from '../../components/StatusBadge';

export default function RecoveryPlansPage() {
  const { api, permissions } = useServices();
  const navigate = useNavigate();
  const action = useAction();
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<RecoveryPlan[]>([]);
  const [deleting, setDeleting] = useState(false);
  const query = useQuery('recovery-plans', () => listAll((p) => api.recoveryPlans.list(p)));
  // Plans do not carry their runs; the newest page of the history gives each plan's last execution.
  const history = useQuery('recovery-plans:last-executions', () => api.executions.list({ limit: 100 }), { quiet: true });
  const lastRun = (planId: string): ExecutionSummary | undefined =>
    (history.data?.items ?? []).filter((e) => e.planId === planId).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];

  const needle = text.trim().toLowerCase();
  const items = (query.data ?? []).filter((p) => !needle || `${p.name} ${p.description}`.toLowerCase().includes(needle));
  const target = selected[0];
  const createReason = missingPermissionReason(permissions, Permissions.createRecoveryPlan);
  const editReason = missingPermissionReason(permissions, Permissions.updateRecoveryPlan) ?? (target ? undefined : 'Select a plan first.');
  const deleteReason = missingPermissionReason(permissions, Permissions.deleteRecoveryPlan) ?? (target ? undefined : 'Select a plan first.');

  const remove = async () => {
    if (!target) return;
    await action.run(() => api.recoveryPlans.remove(target.planId), `Recovery plan ${target.name} deleted.`, 'Delete failed');
    setDeleting(false);
    setSelected([]);
    query.reload();
  };

  return (
    <>
      <Table<RecoveryPlan>
        data-testid="recovery-plans-table"
        variant="full-page"
        selectionType="single"
        trackBy="planId"
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        ariaLabels={{ itemSelectionLabel: (_, p) => `Select ${p.name}`, selectionGroupLabel: 'Recovery plans' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.data ? `(${items.length})` : undefined}
            description="Ordered waves of protection groups, run as a drill or a recovery."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {permissions.has(Permissions.updateRecoveryPlan) && (
                  <Button disabled={!!editReason} disabledReason={editReason} data-testid="edit-plan" onClick={() => target && navigate(`/recovery-plans/${target.planId}/edit`)}>
                    Edit
                  </Button>
                )}
                {permissions.has(Permissions.deleteRecoveryPlan) && (
                  <Button disabled={!!deleteReason} disabledReason={deleteReason} data-testid="delete-plan" onClick={() => setDeleting(true)}>
                    Delete
                  </Button>
                )}
                {permissions.has(Permissions.createRecoveryPlan) && (
                  <Button variant="primary" disabled={!!createReason} disabledReason={createReason} data-testid="create-plan" onClick={() => navigate('/recovery-plans/new')}>
                    Create recovery plan
                  </Button>
                )}
              </SpaceBetween>
            }
          >
            Recovery plans
          </Header>
        }
        filter={<TextFilter filteringText={text} filteringPlaceholder="Find recovery plans" filteringAriaLabel="Find recovery plans" onChange={(e) => setText(e.detail.filteringText)} />}
        loading={query.loading}
        loadingText="Loading recovery plans"
        items={items}
        empty={<EmptyState title={needle ? 'No matches' : 'No recovery plans'} subtitle={needle ? 'Nothing matches the search.' : 'Create a plan from your protection groups.'} />}
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (p) => <RouterLink href={`/recovery-plans/${p.planId}`}>{p.name}</RouterLink> },
          { id: 'description', header: 'Description', cell: (p) => p.description || '-' },
          { id: 'waves', header: 'Waves', cell: (p) => p.waves.length },
          { id: 'rto', header: 'RTO / RPO target', cell: (p) => `${p.rtoTargetMinutes ? `${p.rtoTargetMinutes} min` : '-'} / ${p.rpoTargetMinutes ? `${p.rpoTargetMinutes} min` : '-'}` },
          {
            id: 'last',
            header: 'Last execution',
            cell: (p) => {
              const run = lastRun(p.planId);
              if (!run) return history.data ? 'Not in recent history' : '-';
              return (
                <RouterLink href={`/executions/${run.executionId}`}>
                  {run.type} <StatusBadge status={run.status} />
                </RouterLink>
              );
            },
          },
          { id: 'updated', header: 'Updated', cell: (p) => formatDateTime(p.updatedAt) },
        ]}
      />
      <ConfirmModal visible={deleting} header="Delete recovery plan" confirmText="Delete" busy={action.busy} testId="confirm-delete-plan" onCancel={() => setDeleting(false)} onConfirm={() => void remove()}>
        Delete <strong>{target?.name}</strong>? Its execution history is kept.
      </ConfirmModal>
    </>
  );
}
