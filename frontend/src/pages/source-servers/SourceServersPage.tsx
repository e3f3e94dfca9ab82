import Header from '@cloudscape-design/components/header';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useState } from 'react';
import { listAll } from '../../api/drsApi';
import type { SourceServer } from '../../api/types';
import { useServices } from '../../app/services';
import { useQuery } from '../../app/useQuery';
import { EmptyState } from '../../components/EmptyState';
import { tagsText } from '../../components/format';
import { RouterLink } from '../../components/RouterLink';
import { StatusBadge } from '../../components/StatusBadge';

const allAccounts: SelectProps.Option = { value: '', label: 'All accounts' };

export default function SourceServersPage() {
  const { api } = useServices();
  const [account, setAccount] = useState<SelectProps.Option>(allAccounts);
  const [text, setText] = useState('');
  const accounts = useQuery('accounts:all', () => listAll((p) => api.accounts.list(p)));
  const servers = useQuery(`source-servers:${account.value}`, () => listAll((p) => api.drs.sourceServers({ ...p, accountId: account.value || undefined })));

  const needle = text.trim().toLowerCase();
  const items = (servers.data ?? []).filter(
    (s) => !needle || `${s.hostname} ${s.sourceServerId} ${s.region} ${tagsText(s.tags)} ${s.protectionGroupName ?? ''}`.toLowerCase().includes(needle),
  );

  return (
    <Table<SourceServer>
      data-testid="source-servers-table"
      variant="full-page"
      header={<Header variant="awsui-h1-sticky" counter={servers.data ? `(${items.length})` : undefined} description="DRS source servers across the target accounts.">Source servers</Header>}
      filter={
        <SpaceBetween direction="horizontal" size="s">
          <TextFilter filteringText={text} filteringPlaceholder="Find by hostname, ID, tag or group" filteringAriaLabel="Find source servers" onChange={(e) => setText(e.detail.filteringText)} />
          <Select
            ariaLabel="Filter by account"
            selectedOption={account}
            options={[allAccounts, ...(accounts.data ?? []).map((a) => ({ value: a.accountId, label: `${a.name} (${a.accountId})` }))]}
            onChange={(e) => setAccount(e.detail.selectedOption)}
          />
        </SpaceBetween>
      }
      loading={servers.loading}
      loadingText="Loading source servers from DRS"
      items={items}
      empty={<EmptyState title="No source servers" subtitle={needle ? 'Nothing matches the search.' : 'Install the DRS replication agent on a server to see it here.'} />}
      columnDefinitions={[
        { id: 'hostname', header: 'Hostname', cell: (s) => <RouterLink href={`/source-servers/${s.sourceServerId}`}>{s.hostname}</RouterLink> },
        { id: 'id', header: 'Source server ID', cell: (s) => s.sourceServerId },
        { id: 'account', header: 'Account / region', cell: (s) => `${s.accountId} / ${s.region}` },
        { id: 'replication', header: 'Replication', cell: (s) => <StatusBadge status={s.replicationState} /> },
        { id: 'os', header: 'OS', cell: (s) => s.os ?? '-' },
        { id: 'group', header: 'Protection group', cell: (s) => s.protectionGroupName ?? '-' },
        { id: 'tags', header: 'Tags', cell: (s) => tagsText(s.tags) },
      ]}
    />
  );
}
