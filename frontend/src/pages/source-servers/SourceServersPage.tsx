import Header from '@cloudscape-design/components/header';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import Toggle from '@cloudscape-design/components/toggle';
import { useState } from 'react';
import { listAll } from '../../api/drsApi';
import type { Location, SourceServer } from '../../api/types';
import { useServices } from '../../app/services';
import { useQuery } from '../../app/useQuery';
import { EmptyState } from '../../components/EmptyState';
import { tagsText } from '../../components/format';
import { RouterLink } from '../../components/RouterLink';
import { StatusBadge } from '../../components/StatusBadge';

const key = (l: Location) => `${l.accountId}/${l.region}`;

/** Links to a server's page carry its account and region: DRS answers per account and region only. */
export function serverHref(server: Pick<SourceServer, 'sourceServerId'>, location: Location): string {
  return `/source-servers/${encodeURIComponent(server.sourceServerId)}?accountId=${location.accountId}&region=${location.region}`;
}

export default function SourceServersPage() {
  const { api } = useServices();
  const [chosen, setChosen] = useState<SelectProps.Option | null>(null);
  const [text, setText] = useState('');
  const [unassigned, setUnassigned] = useState(false);
  const accounts = useQuery('accounts:all', () => listAll((p) => api.accounts.list(p)));
  const groups = useQuery('protection-groups:all', () => listAll((p) => api.protectionGroups.list(p)), { quiet: true });

  const locations: (Location & { label: string })[] = (accounts.data ?? []).flatMap((a) =>
    a.regions.map((region) => ({ accountId: a.accountId, region, label: `${a.name} (${a.accountId}) / ${region}` })),
  );
  const options = locations.map((l) => ({ value: key(l), label: l.label }));
  const selectedOption = chosen ?? options[0] ?? null;
  const location = locations.find((l) => key(l) === selectedOption?.value) ?? null;
  const servers = useQuery(location ? `source-servers:${key(location)}:${unassigned}` : null, () =>
    listAll((p) => api.drs.sourceServers({ ...p, accountId: location!.accountId, region: location!.region, unassigned: unassigned || undefined })),
  );
  const groupName = (id: string | null) => (id ? (groups.data?.find((g) => g.groupId === id)?.name ?? id) : '-');

  const needle = text.trim().toLowerCase();
  const items = (servers.data ?? []).filter(
    (s) => !needle || `${s.hostname ?? ''} ${s.sourceServerId} ${tagsText(s.tags)} ${groupName(s.protectionGroupId)}`.toLowerCase().includes(needle),
  );

  return (
    <Table<SourceServer>
      data-testid="source-servers-table"
      variant="full-page"
      trackBy="sourceServerId"
      header={
        <Header variant="awsui-h1-sticky" counter={servers.data ? `(${items.length})` : undefined} description="DRS source servers of one target account and region.">
          Source servers
        </Header>
      }
      filter={
        <SpaceBetween direction="horizontal" size="s" alignItems="center">
          <TextFilter filteringText={text} filteringPlaceholder="Find by hostname, ID, tag or group" filteringAriaLabel="Find source servers" onChange={(e) => setText(e.detail.filteringText)} />
          <Select
            ariaLabel="Account and region"
            data-testid="server-location"
            placeholder="Choose an account and region"
            statusType={accounts.loading ? 'loading' : 'finished'}
            selectedOption={selectedOption}
            options={options}
            onChange={(e) => setChosen(e.detail.selectedOption)}
          />
          <Toggle checked={unassigned} onChange={(e) => setUnassigned(e.detail.checked)}>
            Only servers in no group
          </Toggle>
        </SpaceBetween>
      }
      loading={accounts.loading || servers.loading}
      loadingText="Loading source servers from DRS"
      items={items}
      empty={
        accounts.data && locations.length === 0 ? (
          <EmptyState title="No target accounts" subtitle="Add a target account to see its source servers." />
        ) : (
          <EmptyState title="No source servers" subtitle={needle ? 'Nothing matches the search.' : 'Install the DRS replication agent on a server to see it here.'} />
        )
      }
      columnDefinitions={[
        { id: 'hostname', header: 'Hostname', cell: (s) => (location ? <RouterLink href={serverHref(s, location)}>{s.hostname ?? s.sourceServerId}</RouterLink> : s.hostname) },
        { id: 'id', header: 'Source server ID', cell: (s) => s.sourceServerId },
        { id: 'os', header: 'OS', cell: (s) => s.operatingSystem ?? '-' },
        { id: 'replication', header: 'Replication', cell: (s) => (s.replicationState ? <StatusBadge status={s.replicationState} /> : '-') },
        { id: 'lag', header: 'Lag', cell: (s) => (s.replicationLagSeconds === null ? '-' : `${Math.round(s.replicationLagSeconds)} s`) },
        {
          id: 'group',
          header: 'Protection group',
          cell: (s) => (s.protectionGroupId ? <RouterLink href={`/protection-groups/${s.protectionGroupId}`}>{groupName(s.protectionGroupId)}</RouterLink> : '-'),
        },
        { id: 'tags', header: 'Tags', cell: (s) => tagsText(s.tags) },
      ]}
    />
  );
}
