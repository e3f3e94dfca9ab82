import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { listAll } from '../../api/drsApi';
import type { LaunchSettings, ProtectionGroup, ProtectionGroupInput, SourceServer, TagCriterion } from '../../api/types';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { EmptyState } from '../../components/EmptyState';
import { tagsText } from '../../components/format';
import { StatusBadge } from '../../components/StatusBadge';
import { LaunchSettingsForm } from './LaunchSettingsForm';

type Mode = 'servers' | 'tags';

const previewDelayMs = 400;

function emptyDraft(): ProtectionGroupInput {
  return { name: '', description: '', accountId: '', region: '', sourceServerIds: [], tagCriteria: [], launchSettings: {} };
}

function toDraft(group: ProtectionGroup): ProtectionGroupInput {
  return {
    name: group.name,
    description: group.description ?? '',
    accountId: group.accountId,
    region: group.region,
    sourceServerIds: group.sourceServerIds,
    tagCriteria: group.tagCriteria,
    launchSettings: group.launchSettings ?? {},
    version: group.version,
  };
}

/** Servers owned by another group cannot be chosen: a server belongs to at most one group. */
function ownedElsewhere(server: SourceServer, groupId: string | undefined): boolean {
  return !!server.protectionGroupId && server.protectionGroupId !== groupId;
}

function ServerColumns(groupId: string | undefined) {
  return [
    { id: 'hostname', header: 'Hostname', cell: (s: SourceServer) => s.hostname },
    { id: 'id', header: 'Source server ID', cell: (s: SourceServer) => s.sourceServerId },
    { id: 'replication', header: 'Replication', cell: (s: SourceServer) => <StatusBadge status={s.replicationState} /> },
    { id: 'tags', header: 'Tags', cell: (s: SourceServer) => tagsText(s.tags) },
    {
      id: 'group',
      header: 'Protection group',
      cell: (s: SourceServer) =>
        ownedElsewhere(s, groupId) ? (
          <Box color="text-status-inactive">Assigned to {s.protectionGroupName ?? s.protectionGroupId}</Box>
        ) : s.protectionGroupId ? (
          'This group'
        ) : (
          '-'
        ),
    },
  ];
}

function ServerDiscovery({ draft, groupId, onChange }: { draft: ProtectionGroupInput; groupId?: string; onChange: (ids: string[]) => void }) {
  const { api } = useServices();
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const ready = !!draft.accountId && !!draft.region;
  const servers = useQuery(ready ? `servers:${draft.accountId}:${draft.region}:${applied}` : null, () =>
    listAll((p) => api.drs.sourceServers({ ...p, accountId: draft.accountId, region: draft.region, search: applied || undefined })),
  );
  const items = servers.data ?? [];
  const selected = items.filter((s) => draft.sourceServerIds.includes(s.sourceServerId));

  return (
    <Table<SourceServer>
      data-testid="server-discovery"
      variant="embedded"
      header={<Header variant="h3" counter={`(${draft.sourceServerIds.length} selected)`}>Source servers in {draft.accountId || '...'} / {draft.region || '...'}</Header>}
      selectionType="multi"
      trackBy="sourceServerId"
      selectedItems={selected}
      isItemDisabled={(s) => ownedElsewhere(s, groupId)}
      ariaLabels={{ itemSelectionLabel: (_, s) => `Select ${s.hostname}`, allItemsSelectionLabel: () => 'Select all servers', selectionGroupLabel: 'Source servers' }}
      onSelectionChange={(e) => onChange(e.detail.selectedItems.map((s) => s.sourceServerId))}
      filter={
        <TextFilter
          filteringText={search}
          filteringPlaceholder="Search hostname or ID, then press Enter"
          filteringAriaLabel="Search source servers"
          onChange={(e) => setSearch(e.detail.filteringText)}
          onDelayedChange={() => setApplied(search.trim())}
        />
      }
      loading={servers.loading}
      loadingText="Discovering source servers"
      items={items}
      empty={<EmptyState title={ready ? 'No source servers found' : 'Choose an account and region first'} />}
      columnDefinitions={ServerColumns(groupId)}
    />
  );
}

function TagPreview({ draft, groupId }: { draft: ProtectionGroupInput; groupId?: string }) {
  const { api } = useServices();
  const criteria = draft.tagCriteria.filter((t) => t.key.trim() !== '');
  const [debouncedKey, setDebouncedKey] = useState<string | null>(null);
  const key = draft.accountId && draft.region && criteria.length > 0 ? JSON.stringify([draft.accountId, draft.region, criteria]) : null;
  useEffect(() => {
    // Typing a tag fires one request after a pause, not one per keystroke.
    const timer = setTimeout(() => setDebouncedKey(key), previewDelayMs);
    return () => clearTimeout(timer);
  }, [key]);
  const preview = useQuery(debouncedKey === null ? null : `resolve:${debouncedKey}`, () =>
    api.protectionGroups.resolve({ accountId: draft.accountId, region: draft.region, tagCriteria: criteria, excludeGroupId: groupId }),
  );
  const items = preview.data?.servers ?? [];
  const conflicts = items.filter((s) => ownedElsewhere(s, groupId));
  return (
    <Table<SourceServer>
      data-testid="tag-preview"
      variant="embedded"
      header={
        <Header variant="h3" counter={preview.data ? `(${items.length})` : undefined} description={conflicts.length > 0 ? `${conflicts.length} matching server(s) already belong to another group.` : undefined}>
          Matching servers (live preview)
        </Header>
      }
      loading={preview.loading}
      loadingText="Resolving tags against DRS"
      items={items}
      empty={<EmptyState title={key ? 'No servers match these tags' : 'Add a tag to preview matches'} />}
      columnDefinitions={ServerColumns(groupId)}
    />
  );
}

export default function ProtectionGroupEditPage() {
  const { groupId } = useParams();
  const editing = !!groupId;
  const { api, permissions } = useServices();
  const navigate = useNavigate();
  const action = useAction();

  const existing = useQuery(editing ? `protection-group:${groupId}` : null, () => api.protectionGroups.get(groupId ?? ''));
  const accounts = useQuery('accounts:all', () => listAll((p) => api.accounts.list(p)));
  const regions = useQuery('config:regions', () => api.config.regions());

  const [draft, setDraft] = useState<ProtectionGroupInput | null>(editing ? null : emptyDraft());
  const [mode, setMode] = useState<Mode>('servers');
  if (draft === null && existing.data) {
    setDraft(toDraft(existing.data));
    setMode(existing.data.tagCriteria.length > 0 ? 'tags' : 'servers');
  }

  const saveReason = missingPermissionReason(permissions, editing ? Permissions.updateProtectionGroup : Permissions.createProtectionGroup);

  if (!draft) {
    return (
      <ContentLayout header={<Header variant="h1">Edit protection group</Header>}>
        {existing.loading ? <Spinner size="large" /> : <EmptyState title="The protection group could not be loaded." />}
      </ContentLayout>
    );
  }

  const update = (patch: Partial<ProtectionGroupInput>) => setDraft({ ...draft, ...patch });
  const account = accounts.data?.find((a) => a.accountId === draft.accountId);
  const regionNames = account?.regions.length ? account.regions : (regions.data?.regions ?? []);

  const save = async () => {
    // Tags and explicit IDs are alternatives; send only the chosen one so the server sees one intent.
    const body: ProtectionGroupInput =
      mode === 'tags'
        ? { ...draft, sourceServerIds: [], tagCriteria: draft.tagCriteria.filter((t) => t.key.trim() !== '') }
        : { ...draft, tagCriteria: [] };
    const saved = await action.run(
      () => (editing && groupId ? api.protectionGroups.update(groupId, body) : api.protectionGroups.create(body)),
      `Protection group ${draft.name} saved.`,
      'The protection group was not saved',
    );
    if (saved) navigate('/protection-groups');
  };

  return (
    <ContentLayout header={<Header variant="h1">{editing ? `Edit ${existing.data?.name ?? ''}` : 'Create protection group'}</Header>}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Form
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={() => navigate('/protection-groups')}>
                Cancel
              </Button>
              <Button variant="primary" loading={action.busy} disabled={!!saveReason} disabledReason={saveReason} data-testid="save-group">
                {editing ? 'Save changes' : 'Create protection group'}
              </Button>
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
            <Container header={<Header variant="h2">Details</Header>}>
              <ColumnLayout columns={2}>
                <FormField label="Name">
                  <Input value={draft.name} ariaLabel="Name" data-testid="group-name" onChange={(e) => update({ name: e.detail.value })} />
                </FormField>
                <FormField label="Description">
                  <Input value={draft.description ?? ''} ariaLabel="Description" onChange={(e) => update({ description: e.detail.value })} />
                </FormField>
                <FormField label="Account">
                  <Select
                    data-testid="group-account"
                    ariaLabel="Account"
                    disabled={editing}
                    statusType={accounts.loading ? 'loading' : 'finished'}
                    placeholder="Choose an account"
                    selectedOption={draft.accountId ? { value: draft.accountId, label: account ? `${account.name} (${account.accountId})` : draft.accountId } : null}
                    options={(accounts.data ?? []).map((a) => ({ value: a.accountId, label: `${a.name} (${a.accountId})` }))}
                    onChange={(e) => update({ accountId: e.detail.selectedOption.value ?? '', region: '', sourceServerIds: [] })}
                  />
                </FormField>
                <FormField label="Region">
                  <Select
                    data-testid="group-region"
                    ariaLabel="Region"
                    disabled={editing || !draft.accountId}
                    placeholder="Choose a region"
                    selectedOption={draft.region ? { value: draft.region, label: draft.region } : null}
                    options={regionNames.map((r) => ({ value: r, label: r }))}
                    onChange={(e) => update({ region: e.detail.selectedOption.value ?? '', sourceServerIds: [] })}
                  />
                </FormField>
              </ColumnLayout>
            </Container>

            <Container
              header={
                <Header variant="h2" description="Choose servers one by one, or by tags that DRS resolves at plan and run time.">
                  Servers
                </Header>
              }
            >
              <SpaceBetween size="m">
                <SegmentedControl
                  label="How servers are chosen"
                  selectedId={mode}
                  options={[
                    { id: 'servers', text: 'Choose servers' },
                    { id: 'tags', text: 'Tag criteria' },
                  ]}
                  onChange={(e) => setMode(e.detail.selectedId as Mode)}
                />
                {mode === 'servers' ? (
                  <ServerDiscovery draft={draft} groupId={groupId} onChange={(ids) => update({ sourceServerIds: ids })} />
                ) : (
                  <SpaceBetween size="m">
                    <AttributeEditor<TagCriterion>
                      data-testid="tag-criteria"
                      items={draft.tagCriteria}
                      addButtonText="Add tag"
                      removeButtonText="Remove"
                      empty="No tags. A server must carry every tag listed (AND)."
                      onAddButtonClick={() => update({ tagCriteria: [...draft.tagCriteria, { key: '', value: '' }] })}
                      onRemoveButtonClick={(e) => update({ tagCriteria: draft.tagCriteria.filter((_, i) => i !== e.detail.itemIndex) })}
                      definition={[
                        {
                          label: 'Key',
                          control: (item, index) => (
                            <Input value={item.key} ariaLabel={`Tag key ${index + 1}`} onChange={(e) => update({ tagCriteria: draft.tagCriteria.map((t, i) => (i === index ? { ...t, key: e.detail.value } : t)) })} />
                          ),
                        },
                        {
                          label: 'Value',
                          control: (item, index) => (
                            <Input value={item.value} ariaLabel={`Tag value ${index + 1}`} onChange={(e) => update({ tagCriteria: draft.tagCriteria.map((t, i) => (i === index ? { ...t, value: e.detail.value } : t)) })} />
                          ),
                        },
                      ]}
                    />
                    <TagPreview draft={draft} groupId={groupId} />
                  </SpaceBetween>
                )}
              </SpaceBetween>
            </Container>

            <Container header={<Header variant="h2" description="Defaults for every server in the group; a server's own settings override them.">Launch settings</Header>}>
              <LaunchSettingsForm value={draft.launchSettings ?? {}} onChange={(launchSettings: LaunchSettings) => update({ launchSettings })} />
            </Container>
          </SpaceBetween>
        </Form>
      </form>
    </ContentLayout>
  );
}
