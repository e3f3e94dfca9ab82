import Alert from '@cloudscape-design/components/alert';
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
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { listAll } from '../../api/drsApi';
import type { GroupLaunchConfiguration, LaunchApplyResult, LaunchSettings, ProtectionGroup, ProtectionGroupInput, ServerSelectionMode, SourceServer, TagCriterion } from '../../api/types';
import { errorText, fieldProblems, type FieldProblem } from '../../api/validation';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { EmptyState } from '../../components/EmptyState';
import { tagsText } from '../../components/format';
import { StatusBadge } from '../../components/StatusBadge';
import { cleanLaunchSettings, LaunchSettingsForm } from './LaunchSettingsForm';
import { ServerOverrides, type SavedLaunch } from './ServerOverrides';
import { useCrumbName } from '../../app/crumbNames';

const previewDelayMs = 400;

/** What the form edits: both selection lists are kept so switching mode back and forth loses nothing. */
interface Draft {
  name: string;
  description: string;
  accountId: string;
  region: string;
  mode: ServerSelectionMode;
  sourceServerIds: string[];
  tagCriteria: TagCriterion[];
  launchSettings: LaunchSettings;
  serverOverrides: Record<string, LaunchSettings>;
  version?: number;
}

function emptyDraft(): Draft {
  return { name: '', description: '', accountId: '', region: '', mode: 'SOURCE_SERVER_IDS', sourceServerIds: [], tagCriteria: [], launchSettings: {}, serverOverrides: {} };
}

function toDraft(group: ProtectionGroup): Draft {
  return {
    name: group.name,
    description: group.description,
    accountId: group.accountId,
    region: group.region,
    mode: group.selection.mode,
    sourceServerIds: group.selection.sourceServerIds ?? [],
    tagCriteria: group.selection.tagCriteria ?? [],
    launchSettings: group.launchSettings,
    serverOverrides: group.serverOverrides,
    version: group.version,
  };
}

/** The request body: only the chosen selection list, and overrides only for servers still in the group. */
function toInput(draft: Draft): ProtectionGroupInput {
  const byIds = draft.mode === 'SOURCE_SERVER_IDS';
  const overrides = Object.fromEntries(
    Object.entries(draft.serverOverrides).filter(([id]) => !byIds || draft.sourceServerIds.includes(id)),
  );
  return {
    name: draft.name,
    description: draft.description,
    accountId: draft.accountId,
    region: draft.region,
    selection: byIds
      ? { mode: 'SOURCE_SERVER_IDS', sourceServerIds: draft.sourceServerIds }
      : { mode: 'TAGS', tagCriteria: draft.tagCriteria.filter((t) => t.key.trim() !== '') },
    launchSettings: cleanLaunchSettings(draft.launchSettings),
    serverOverrides: overrides,
  };
}

/** Servers owned by another group cannot be chosen: a server belongs to at most one group. */
function ownedElsewhere(server: SourceServer, groupId: string | undefined): boolean {
  return !!server.protectionGroupId && server.protectionGroupId !== groupId;
}

type GroupNames = (groupId: string) => string;

function ServerColumns(groupId: string | undefined, groupName: GroupNames) {
  return [
    { id: 'hostname', header: 'Hostname', cell: (s: SourceServer) => s.hostname ?? '-' },
    { id: 'id', header: 'Source server ID', cell: (s: SourceServer) => s.sourceServerId },
    { id: 'replication', header: 'Replication', cell: (s: SourceServer) => (s.replicationState ? <StatusBadge status={s.replicationState} /> : '-') },
    { id: 'tags', header: 'Tags', cell: (s: SourceServer) => tagsText(s.tags) },
    {
      id: 'group',
      header: 'Protection group',
      cell: (s: SourceServer) =>
        ownedElsewhere(s, groupId) ? (
          <Box color="text-status-inactive">Assigned to {groupName(s.protectionGroupId ?? '')}</Box>
        ) : s.protectionGroupId ? (
          'This group'
        ) : (
          '-'
        ),
    },
  ];
}

function ServerDiscovery({ draft, groupId, groupName, onChange }: { draft: Draft; groupId?: string; groupName: GroupNames; onChange: (ids: string[]) => void }) {
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
      ariaLabels={{ itemSelectionLabel: (_, s) => `Select ${s.hostname ?? s.sourceServerId}`, allItemsSelectionLabel: () => 'Select all servers', selectionGroupLabel: 'Source servers' }}
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
      columnDefinitions={ServerColumns(groupId, groupName)}
    />
  );
}

function TagPreview({ draft, groupId, groupName }: { draft: Draft; groupId?: string; groupName: GroupNames }) {
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
    api.protectionGroups.resolve({ accountId: draft.accountId, region: draft.region, tagCriteria: criteria }),
  );
  const items = preview.data?.matches ?? [];
  const conflicts = items.filter((s) => ownedElsewhere(s, groupId));
  return (
    <Table<SourceServer>
      data-testid="tag-preview"
      variant="embedded"
      header={
        <Header variant="h3" counter={preview.data ? `(${items.length})` : undefined} description={conflicts.length > 0 ? `${conflicts.length} matching server(s) already belong to another group.` : undefined}>
          Matching servers (live preview{preview.data ? `, ${preview.data.scannedServers} scanned` : ''})
        </Header>
      }
      loading={preview.loading}
      loadingText="Resolving tags against DRS"
      items={items}
      empty={<EmptyState title={key ? 'No servers match these tags' : 'Add a tag to preview matches'} />}
      columnDefinitions={ServerColumns(groupId, groupName)}
    />
  );
}

function applySummary(result: LaunchApplyResult): string {
  return `Launch settings applied: ${result.updated} updated, ${result.unchanged} unchanged, ${result.failed} failed.`;
}

export default function ProtectionGroupEditPage() {
  const { groupId } = useParams();
  const editing = !!groupId;
  const { api, permissions } = useServices();
  const navigate = useNavigate();
  const action = useAction();

  const existing = useQuery(editing ? `protection-group:${groupId}` : null, () => api.protectionGroups.get(groupId ?? ''));
  useCrumbName(groupId, existing.data?.name);
  const accounts = useQuery('accounts:all', () => listAll((p) => api.accounts.list(p)));
  const regions = useQuery('config:regions', () => api.config.regions());
  const groups = useQuery('protection-groups:all', () => listAll((p) => api.protectionGroups.list(p)), { quiet: true });

  const [draft, setDraft] = useState<Draft | null>(editing ? null : emptyDraft());
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [applied, setApplied] = useState<LaunchApplyResult | null>(null);
  // The launch configuration as last saved: overrides are saved one by one on top of it.
  const [saved, setSaved] = useState<SavedLaunch | null>(null);
  if (draft === null && existing.data) setDraft(toDraft(existing.data));
  if (saved === null && existing.data) setSaved(existing.data);

  const writePermission = editing ? Permissions.updateProtectionGroup : Permissions.createProtectionGroup;
  if (!permissions.has(writePermission)) {
    // The form is for changing a group; a user who may not change it sees the details page instead.
    return <Navigate replace to={editing ? `/protection-groups/${groupId}` : '/protection-groups'} />;
  }

  const saveReason = missingPermissionReason(permissions, editing ? Permissions.updateProtectionGroup : Permissions.createProtectionGroup);
  const applyReason =
    missingPermissionReason(permissions, Permissions.updateProtectionGroup) ?? (editing ? undefined : 'Save the group before applying its launch settings.');

  if (!draft) {
    return (
      <ContentLayout header={<Header variant="h1">Edit protection group</Header>}>
        {existing.loading ? <Spinner size="large" /> : <EmptyState title="The protection group could not be loaded." />}
      </ContentLayout>
    );
  }

  const update = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const mode = draft.mode;
  const account = accounts.data?.find((a) => a.accountId === draft.accountId);
  const regionNames = account?.regions.length ? account.regions : (regions.data?.regions ?? []);
  const groupName: GroupNames = (id) => groups.data?.find((g) => g.groupId === id)?.name ?? id;
  const location = draft.accountId && draft.region ? { accountId: draft.accountId, region: draft.region } : null;
  const err = (...fields: string[]) => errorText(problems, ...fields);

  const save = async () => {
    setProblems([]);
    const input = toInput(draft);
    let failure: unknown;
    const result = await action.run(
      async () => {
        try {
          return editing && groupId
            ? await api.protectionGroups.update(groupId, { ...input, version: draft.version ?? 0 })
            : await api.protectionGroups.create(input);
        } catch (error) {
          failure = error;
          throw error;
        }
      },
      `Protection group ${draft.name} saved.`,
      'The protection group was not saved',
    );
    if (result) navigate(`/protection-groups/${result.groupId}`);
    else setProblems(fieldProblems(failure));
  };

  const apply = async () => {
    if (!groupId) return;
    const result = await action.run(() => api.protectionGroups.applyLaunchConfiguration(groupId), undefined, 'Launch settings were not applied');
    if (result) setApplied(result);
  };

  return (
    <ContentLayout header={<Header variant="h1">{editing ? `Edit ${existing.data?.name ?? ''}` : 'Create protection group'}</Header>}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Form
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={() => navigate(editing ? `/protection-groups/${groupId}` : '/protection-groups')}>
                Cancel
              </Button>
              {!saveReason && (
                <Button variant="primary" loading={action.busy} disabled={!!saveReason} disabledReason={saveReason} data-testid="save-group">
                  {editing ? 'Save changes' : 'Create protection group'}
                </Button>
              )}
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
            <Container header={<Header variant="h2">Details</Header>}>
              <ColumnLayout columns={2}>
                <FormField label="Name" errorText={err('name')}>
                  <Input value={draft.name} ariaLabel="Name" data-testid="group-name" onChange={(e) => update({ name: e.detail.value })} />
                </FormField>
                <FormField label="Description" errorText={err('description')}>
                  <Input value={draft.description} ariaLabel="Description" onChange={(e) => update({ description: e.detail.value })} />
                </FormField>
                <FormField label="Account" errorText={err('accountId')}>
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
                <FormField label="Region" errorText={err('region')}>
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
                    { id: 'SOURCE_SERVER_IDS', text: 'Choose servers' },
                    { id: 'TAGS', text: 'Tag criteria' },
                  ]}
                  onChange={(e) => update({ mode: e.detail.selectedId as ServerSelectionMode })}
                />
                {err('selection') && (
                  <Box color="text-status-error" data-testid="selection-errors">
                    {err('selection')}
                  </Box>
                )}
                {mode === 'SOURCE_SERVER_IDS' ? (
                  <ServerDiscovery draft={draft} groupId={groupId} groupName={groupName} onChange={(ids) => update({ sourceServerIds: ids })} />
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
                          errorText: (_item, index) => errorText(problems, `selection.tagCriteria[${index}].key`),
                          control: (item, index) => (
                            <Input value={item.key} ariaLabel={`Tag key ${index + 1}`} onChange={(e) => update({ tagCriteria: draft.tagCriteria.map((t, i) => (i === index ? { ...t, key: e.detail.value } : t)) })} />
                          ),
                        },
                        {
                          label: 'Value',
                          errorText: (_item, index) => errorText(problems, `selection.tagCriteria[${index}].value`),
                          control: (item, index) => (
                            <Input value={item.value} ariaLabel={`Tag value ${index + 1}`} onChange={(e) => update({ tagCriteria: draft.tagCriteria.map((t, i) => (i === index ? { ...t, value: e.detail.value } : t)) })} />
                          ),
                        },
                      ]}
                    />
                    <TagPreview draft={draft} groupId={groupId} groupName={groupName} />
                  </SpaceBetween>
                )}
              </SpaceBetween>
            </Container>

            <Container
              header={
                <Header
                  variant="h2"
                  description="Defaults for every server in the group; a server's own overrides win. Saved with the group, then applied to DRS on request."
                  actions={
                    permissions.has(Permissions.updateProtectionGroup) && (
                      <Button formAction="none" disabled={!!applyReason} disabledReason={applyReason} loading={action.busy} data-testid="apply-launch-settings" onClick={() => void apply()}>
                        Apply to servers
                      </Button>
                    )
                  }
                >
                  Launch settings
                </Header>
              }
            >
              <SpaceBetween size="m">
                {applied && (
                  <Alert type={applied.failed > 0 ? 'warning' : 'success'} dismissible onDismiss={() => setApplied(null)} data-testid="apply-result">
                    {applySummary(applied)}
                    {applied.servers
                      .filter((o) => o.status === 'FAILED')
                      .map((o) => (
                        <div key={o.sourceServerId}>
                          {o.sourceServerId}: {o.error ?? 'failed'}
                        </div>
                      ))}
                  </Alert>
                )}
                <LaunchSettingsForm
                  value={draft.launchSettings}
                  location={location}
                  problems={problems}
                  groupName={groupName}
                  onChange={(launchSettings: LaunchSettings) => update({ launchSettings })}
                />
                {existing.data && saved ? (
                  <ServerOverrides
                    group={existing.data}
                    saved={saved}
                    groupName={groupName}
                    canEdit={permissions.has(Permissions.updateProtectionGroup)}
                    onSaved={(next: GroupLaunchConfiguration) => {
                      setSaved(next);
                      // The form's Save must send the new version and must not undo the override.
                      setDraft((d) => (d ? { ...d, version: next.version, serverOverrides: next.serverOverrides } : d));
                    }}
                  />
                ) : (
                  <Box variant="small" color="text-body-secondary">
                    Per-server overrides can be set once the group is created.
                  </Box>
                )}
              </SpaceBetween>
            </Container>
          </SpaceBetween>
        </Form>
      </form>
    </ContentLayout>
  );
}
