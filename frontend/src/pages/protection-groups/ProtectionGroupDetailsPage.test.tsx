import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok } from '../../test/FakeBackend';
import { anAccountId, aProtectionGroup, aSourceServer, aTagGroup } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import ProtectionGroupDetailsPage from './ProtectionGroupDetailsPage';

const servers = [
  aSourceServer(),
  aSourceServer({ sourceServerId: 's-web2', hostname: 'web-02' }),
  aSourceServer({ sourceServerId: 's-db1', hostname: 'db-01', protectionGroupId: 'pg-db', tags: { Tier: 'db' } }),
];

function backend(group = aProtectionGroup({ launchSettings: { subnetId: 'subnet-0a1' }, serverOverrides: { 's-web2': { instanceType: 'm5.xlarge', rightSizing: 'NONE' } } })) {
  return new FakeBackend()
    .on('GET', '/protection-groups/:id', ok(group))
    .on('GET', '/drs/source-servers', ok({ accountId: anAccountId, region: 'us-east-1', items: servers, total: servers.length, nextToken: null }));
}

function show(groups: string[], b = backend(), id = 'pg-web') {
  return renderPage(<ProtectionGroupDetailsPage />, { url: `/protection-groups/${id}`, path: '/protection-groups/:groupId', groups, backend: b });
}

describe('ProtectionGroupDetailsPage', () => {
  it('ProtectionGroupDetailsPage_ReadOnly_ShowsGroupAndOverridesWithoutEdit', async () => {
    const { wrapper } = show([RoleGroups.readOnly]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Web tier' })).toBeInTheDocument();
    expect(screen.getByTestId('group-launch-settings')).toHaveTextContent('subnet: subnet-0a1');
    await waitFor(() => expect(wrapper.findTable('[data-testid="group-servers"]')!.findRows()).toHaveLength(2));
    const rows = wrapper.findTable('[data-testid="group-servers"]')!.findRows();
    expect(rows[0]!.getElement()).toHaveTextContent('Group settings');
    expect(rows[1]!.getElement()).toHaveTextContent('instance type: m5.xlarge; right-sizing: NONE');
    expect(screen.queryByTestId('edit-group')).toBeNull();
    expect(document.querySelector('a[href$="/edit"]')).toBeNull();
  });

  it('ProtectionGroupDetailsPage_PlanManager_EditButtonShown', async () => {
    show([RoleGroups.planManager]);

    expect(await screen.findByTestId('edit-group')).toBeInTheDocument();
  });

  it('ProtectionGroupDetailsPage_TagGroup_ListsServersDrsAssignsToIt', async () => {
    const { wrapper } = show([RoleGroups.readOnly], backend(aTagGroup()), 'pg-db');

    await waitFor(() => expect(wrapper.findTable('[data-testid="group-servers"]')!.findRows()).toHaveLength(1));
    expect(wrapper.findTable('[data-testid="group-servers"]')!.findRows()[0]!.getElement()).toHaveTextContent('db-01');
    expect(screen.getByTestId('group-details')).toHaveTextContent('Tags: Tier=db');
  });

  it('ProtectionGroupDetailsPage_NotFound_ShowsCode', async () => {
    show([RoleGroups.readOnly], new FakeBackend().on('GET', '/protection-groups/:id', fail(404, 'PG_NOT_FOUND', 'No protection group pg-x.')), 'pg-x');

    expect(await screen.findByText('PG_NOT_FOUND: No protection group pg-x.')).toBeInTheDocument();
  });
});
