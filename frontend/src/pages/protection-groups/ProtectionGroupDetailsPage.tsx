import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Table from '@cloudscape-design/components/table';
import { useNavigate, useParams } from 'react-router-dom';
import type { ProtectionGroup } from '../../api/types';
import { Permissions } from '../../auth/permissions';
import { useServices } from '../../app/services';
import { useQuery } from '../../app/useQuery';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { RouterLink } from '../../components/RouterLink';
import { StatusBadge } from '../../components/StatusBadge';
import { groupMembers, useLocationServers, type GroupMember } from './groupServers';
import { launchSettingsLines, launchSettingsSummary } from './launchSettingsText';
import { useCrumbName } from '../../app/crumbNames';

function selectionText(group: ProtectionGroup): string {
  return group.selection.mode === 'TAGS'
    ? `Tags: ${(group.selection.tagCriteria ?? []).map((t) => `${t.key}=${t.value}`).join(' AND ')}`
    : `${(group.selection.sourceServerIds ?? []).length} server(s) chosen by ID`;
}

/** What everyone with view rights sees of a group; only writers get the Edit button. */
export default function ProtectionGroupDetailsPage() {
  const { groupId = '' } = useParams();
  const { api, permissions } = useServices();
  const navigate = useNavigate();
  const query = useQuery(`protection-group:${groupId}`, () => api.protectionGroups.get(groupId));
  useCrumbName(groupId, query.data?.name);
  const group = query.data;
  const servers = useLocationServers(group);

  if (!group) {
    return (
      <ContentLayout header={<Header variant="h1">Protection group</Header>}>
        {query.loading ? <Spinner size="large" /> : <EmptyState title="The protection group could not be loaded." subtitle={query.error ? `${query.error.code}: ${query.error.message}` : undefined} />}
      </ContentLayout>
    );
  }

  const members = groupMembers(group, servers.data ?? []);
  const groupLines = launchSettingsLines(group.launchSettings);
  const serverLocation = `accountId=${encodeURIComponent(group.accountId)}&region=${encodeURIComponent(group.region)}`;

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={group.description || undefined}
          actions={
            permissions.has(Permissions.updateProtectionGroup) && (
              <Button data-testid="edit-group" onClick={() => navigate(`/protection-groups/${groupId}/edit`)}>
                Edit
              </Button>
            )
          }
        >
          {group.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Details</Header>} data-testid="group-details">
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Group ID', value: group.groupId },
              { label: 'Account / region', value: `${group.accountId} / ${group.region}` },
              { label: 'Servers', value: selectionText(group) },
              { label: 'Created', value: `${formatDateTime(group.createdAt)} by ${group.createdBy}` },
              { label: 'Updated', value: `${formatDateTime(group.updatedAt)} by ${group.updatedBy}` },
              { label: 'Version', value: String(group.version) },
            ]}
          />
        </Container>
        <Container header={<Header variant="h2" description="Defaults for every server in the group; a server's override wins.">Launch settings</Header>} data-testid="group-launch-settings">
          {groupLines.length > 0 ? (
            <SpaceBetween size="xxs">
              {groupLines.map((line) => (
                <Box key={line}>{line}</Box>
              ))}
            </SpaceBetween>
          ) : (
            <Box color="text-body-secondary">None set: DRS keeps each server's own launch configuration.</Box>
          )}
        </Container>
        <Table<GroupMember>
          data-testid="group-servers"
          header={<Header variant="h2" counter={`(${members.filter((m) => !m.stale).length})`}>Servers and their launch overrides</Header>}
          loading={servers.loading}
          loadingText="Loading source servers from DRS"
          trackBy="sourceServerId"
          items={members}
          empty={<EmptyState title="No servers in this group" />}
          columnDefinitions={[
            {
              id: 'hostname',
              header: 'Hostname',
              cell: (m) => <RouterLink href={`/source-servers/${encodeURIComponent(m.sourceServerId)}?${serverLocation}`}>{m.server?.hostname ?? m.sourceServerId}</RouterLink>,
            },
            { id: 'id', header: 'Source server ID', cell: (m) => m.sourceServerId },
            { id: 'replication', header: 'Replication', cell: (m) => (m.server?.replicationState ? <StatusBadge status={m.server.replicationState} /> : m.server ? '-' : 'Not found in DRS') },
            {
              id: 'override',
              header: 'Launch override',
              cell: (m) => (m.stale ? 'Override kept for a server no longer in the group' : launchSettingsSummary(group.serverOverrides[m.sourceServerId], 'Group settings')),
            },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
