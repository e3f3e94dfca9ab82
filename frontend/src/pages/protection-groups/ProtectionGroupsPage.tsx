import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { listAll } from '../../api/drsApi';
import type { ProtectionGroup } from '../../api/types';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { RouterLink } from '../../components/RouterLink';

function selectionText(group: ProtectionGroup): string {
  const { selection } = group;
  if (selection.mode === 'TAGS') return `Tags: ${(selection.tagCriteria ?? []).map((t) => `${t.key}=${t.value}`).join(' AND ')}`;
  return `${(selection.sourceServerIds ?? []).length} server(s) chosen`;
}

export default function ProtectionGroupsPage() {
  const { api, permissions } = useServices();
  const navigate = useNavigate();
  const action = useAction();
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<ProtectionGroup[]>([]);
  const [deleting, setDeleting] = useState(false);
  const query = useQuery('protection-groups', () => listAll((p) => api.protectionGroups.list(p)));

  const needle = text.trim().toLowerCase();
  const items = (query.data ?? []).filter(
    (g) => !needle || `${g.name} ${g.description} ${g.accountId} ${g.region}`.toLowerCase().includes(needle),
  );
  const target = selected[0];
  const createReason = missingPermissionReason(permissions, Permissions.createProtectionGroup);
  const editReason = missingPermissionReason(permissions, Permissions.updateProtectionGroup) ?? (target ? undefined : 'Select a group first.');
  const deleteReason = missingPermissionReason(permissions, Permissions.deleteProtectionGroup) ?? (target ? undefined : 'Select a group first.');

  const remove = async () => {
    if (!target) return;
    await action.run(() => api.protectionGroups.remove(target.groupId), `Protection group ${target.name} deleted.`, 'Delete failed');
    setDeleting(false);
    setSelected([]);
    query.reload();
  };

  return (
    <>
      <Table<ProtectionGroup>
        data-testid="protection-groups-table"
        variant="full-page"
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        trackBy="groupId"
        ariaLabels={{ itemSelectionLabel: (_, g) => `Select ${g.name}`, selectionGroupLabel: 'Protection groups' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.data ? `(${items.length})` : undefined}
            description="Sets of DRS source servers in one account and region, chosen by ID or by tags."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {permissions.has(Permissions.updateProtectionGroup) && (
                  <Button disabled={!!editReason} disabledReason={editReason} data-testid="edit-group" onClick={() => target && navigate(`/protection-groups/${target.groupId}/edit`)}>
                    Edit
                  </Button>
                )}
                {permissions.has(Permissions.deleteProtectionGroup) && (
                  <Button disabled={!!deleteReason} disabledReason={deleteReason} data-testid="delete-group" onClick={() => setDeleting(true)}>
                    Delete
                  </Button>
                )}
                {permissions.has(Permissions.createProtectionGroup) && (
                  <Button variant="primary" disabled={!!createReason} disabledReason={createReason} data-testid="create-group" onClick={() => navigate('/protection-groups/new')}>
                    Create protection group
                  </Button>
                )}
              </SpaceBetween>
            }
          >
            Protection groups
          </Header>
        }
        filter={<TextFilter filteringText={text} filteringPlaceholder="Find protection groups" filteringAriaLabel="Find protection groups" onChange={(e) => setText(e.detail.filteringText)} />}
        loading={query.loading}
        loadingText="Loading protection groups"
        items={items}
        empty={<EmptyState title={needle ? 'No matches' : 'No protection groups'} subtitle={needle ? 'Nothing matches the search.' : 'Create a group to protect servers.'} />}
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (g) => <RouterLink href={`/protection-groups/${g.groupId}`}>{g.name}</RouterLink> },
          { id: 'description', header: 'Description', cell: (g) => g.description || '-' },
          { id: 'account', header: 'Account', cell: (g) => g.accountId },
          { id: 'region', header: 'Region', cell: (g) => g.region },
          { id: 'selection', header: 'Servers', cell: selectionText },
          { id: 'updated', header: 'Updated', cell: (g) => formatDateTime(g.updatedAt) },
        ]}
      />
      <ConfirmModal
        visible={deleting}
        header="Delete protection group"
        confirmText="Delete"
        busy={action.busy}
        testId="confirm-delete-group"
        onCancel={() => setDeleting(false)}
        onConfirm={() => void remove()}
      >
        Delete <strong>{target?.name}</strong>? Its servers become free for other groups. A group that a recovery plan uses cannot be deleted.
      </ConfirmModal>
    </>
  );
}
