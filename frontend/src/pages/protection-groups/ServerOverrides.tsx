import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../api/ApiError';
import type { GroupLaunchConfiguration, LaunchSettings, ProtectionGroup } from '../../api/types';
import { fieldProblems, type FieldProblem } from '../../api/validation';
import { useFlash } from '../../app/flash';
import { useServices } from '../../app/services';
import { EmptyState } from '../../components/EmptyState';
import { StatusBadge } from '../../components/StatusBadge';
import { groupMembers, useLocationServers, type GroupMember } from './groupServers';
import { launchSettingsSummary } from './launchSettingsText';
import { cleanLaunchSettings, LaunchSettingsForm } from './LaunchSettingsForm';

/** The group's launch configuration as last saved: the base every override request is built on. */
export type SavedLaunch = Pick<GroupLaunchConfiguration, 'launchSettings' | 'serverOverrides' | 'version'>;

/**
 * Field paths for one override, in the form LaunchSettingsForm reads: domain validation says
 * "serverOverrides[s-1].instanceType", request binding "$.serverOverrides.s-1.rightSizing".
 */
export function overrideProblems(error: unknown, serverId: string): FieldProblem[] {
  const bound = `serverOverrides.${serverId}`;
  return fieldProblems(error).map((p) =>
    p.field === bound || p.field.startsWith(`${bound}.`) ? { ...p, field: `serverOverrides[${serverId}]${p.field.slice(bound.length)}` } : p,
  );
}

/**
 * The PUT body that sets (or, with null or an empty override, clears) one server's override. The API
 * replaces the whole map, so every other override is sent back unchanged, with the group settings as saved.
 */
export function overrideRequest(saved: SavedLaunch, serverId: string, override: LaunchSettings | null) {
  const serverOverrides: Record<string, LaunchSettings> = { ...saved.serverOverrides };
  const cleaned = override ? cleanLaunchSettings(override) : {};
  if (Object.keys(cleaned).length > 0) serverOverrides[serverId] = cleaned;
  else delete serverOverrides[serverId];
  return { version: saved.version, launchSettings: cleanLaunchSettings(saved.launchSettings), serverOverrides };
}

function memberName(m: GroupMember): string {
  return m.server?.hostname ? `${m.server.hostname} (${m.sourceServerId})` : m.sourceServerId;
}

interface Editing {
  member: GroupMember;
  value: LaunchSettings;
  error: ApiError | null;
  problems: FieldProblem[];
}

/**
 * Per-server overrides of the group's launch settings. Each edit or clear is saved at once through
 * PUT /protection-groups/{id}/launch-configuration (not with the form's Save), so the server validates
 * it against the group as saved and the group's version moves on for the form too.
 */
export function ServerOverrides({
  group,
  saved,
  canEdit,
  onSaved,
  groupName,
}: {
  group: ProtectionGroup;
  saved: SavedLaunch;
  canEdit: boolean;
  /** A protection group's name by ID, for the groups that use an instance profile. */
  groupName?: (groupId: string) => string;
  onSaved: (next: GroupLaunchConfiguration) => void;
}) {
  const { api } = useServices();
  const flash = useFlash();
  const servers = useLocationServers(group);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const members = groupMembers(group, servers.data ?? [], saved.serverOverrides);
  const location = { accountId: group.accountId, region: group.region };
  const withOverride = members.filter((m) => saved.serverOverrides[m.sourceServerId]).length;

  const put = async (member: GroupMember, override: LaunchSettings | null): Promise<unknown> => {
    setBusy(member.sourceServerId);
    try {
      const next = await api.protectionGroups.putLaunchConfiguration(group.groupId, overrideRequest(saved, member.sourceServerId, override));
      onSaved(next);
      const kept = next.serverOverrides[member.sourceServerId];
      flash.success(kept ? `Launch override for ${memberName(member)} saved.` : `Launch override for ${memberName(member)} cleared.`);
      return null;
    } catch (error) {
      return error;
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    if (!editing) return;
    const failure = await put(editing.member, editing.value);
    if (failure) setEditing({ ...editing, error: toApiError(failure), problems: overrideProblems(failure, editing.member.sourceServerId) });
    else setEditing(null);
  };

  const clear = async (member: GroupMember) => {
    const failure = await put(member, null);
    if (failure) flash.error(failure, `The override for ${memberName(member)} was not cleared`);
  };

  return (
    <>
      <Table<GroupMember>
        data-testid="server-overrides"
        variant="embedded"
        trackBy="sourceServerId"
        header={
          <Header
            variant="h3"
            counter={`(${withOverride} with an override)`}
            description="Settings set here replace the group's for that server only; members left unset follow the group."
          >
            Per-server launch overrides
          </Header>
        }
        loading={servers.loading}
        loadingText="Loading the group's servers"
        items={members}
        empty={<EmptyState title="No servers in the saved group" subtitle="Save the group's servers first, then override settings per server." />}
        columnDefinitions={[
          { id: 'server', header: 'Server', cell: (m) => memberName(m) },
          {
            id: 'state',
            header: 'Replication',
            cell: (m) => (m.stale ? 'No longer in the group' : m.server?.replicationState ? <StatusBadge status={m.server.replicationState} /> : '-'),
          },
          {
            id: 'override',
            header: 'Override',
            cell: (m) => (
              <span data-testid={`override-${m.sourceServerId}`}>{launchSettingsSummary(saved.serverOverrides[m.sourceServerId], 'None (group settings)')}</span>
            ),
          },
          ...(canEdit
            ? [
                {
                  id: 'actions',
                  header: 'Actions',
                  cell: (m: GroupMember) => (
                    <SpaceBetween direction="horizontal" size="xs">
                      {!m.stale && (
                        <Button
                          formAction="none"
                          variant="inline-link"
                          data-testid={`edit-override-${m.sourceServerId}`}
                          onClick={() => setEditing({ member: m, value: saved.serverOverrides[m.sourceServerId] ?? {}, error: null, problems: [] })}
                        >
                          {saved.serverOverrides[m.sourceServerId] ? 'Edit override' : 'Add override'}
                        </Button>
                      )}
                      {saved.serverOverrides[m.sourceServerId] && (
                        <Button
                          formAction="none"
                          variant="inline-link"
                          loading={busy === m.sourceServerId}
                          data-testid={`clear-override-${m.sourceServerId}`}
                          onClick={() => void clear(m)}
                        >
                          Clear override
                        </Button>
                      )}
                    </SpaceBetween>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        visible={editing !== null}
        size="large"
        header={editing ? `Launch override for ${memberName(editing.member)}` : ''}
        onDismiss={() => setEditing(null)}
        data-testid="override-modal"
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={() => setEditing(null)}>
                Cancel
              </Button>
              <Button formAction="none" variant="primary" loading={busy !== null} data-testid="save-override" onClick={() => void save()}>
                Save override
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        {editing && (
          <SpaceBetween size="m">
            <Box variant="small">Group settings: {launchSettingsSummary(saved.launchSettings, 'none (DRS keeps its own)')}.</Box>
            {editing.error && (
              <Alert type="error" header="The override was not saved" data-testid="override-error">
                <div>
                  {editing.error.code}: {editing.error.message}
                </div>
                {editing.problems.map((p) => (
                  <div key={`${p.field}:${p.message}`}>
                    {p.code} at {p.field}: {p.message}
                  </div>
                ))}
              </Alert>
            )}
            <LaunchSettingsForm
              value={editing.value}
              location={location}
              problems={editing.problems}
              fieldPrefix={`serverOverrides[${editing.member.sourceServerId}]`}
              unsetLabel="Use the group's setting"
              inherited={saved.launchSettings}
              groupName={groupName}
              onChange={(value) => setEditing({ ...editing, value })}
            />
          </SpaceBetween>
        )}
      </Modal>
    </>
  );
}
