import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok, page } from '../../test/FakeBackend';
import { aProtectionGroup, aSourceServer, aTargetAccount, anAccountId } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import SourceServerDetailsPage from './SourceServerDetailsPage';
import SourceServersPage from './SourceServersPage';

const serverPage = (items: ReturnType<typeof aSourceServer>[]) => ok({ accountId: anAccountId, region: 'us-east-1', items, total: items.length, nextToken: null });
const launchConfiguration = {
  sourceServerId: 's-web1',
  name: 'web-01',
  ec2LaunchTemplateId: 'lt-0abc',
  copyPrivateIp: false,
  copyTags: true,
  launchDisposition: 'STARTED',
  targetInstanceTypeRightSizingMethod: 'BASIC',
  osByol: false,
  postLaunchEnabled: false,
  launchIntoEc2InstanceId: null,
};
const detailsUrl = `/source-servers/s-web1?accountId=${anAccountId}&region=us-east-1`;

describe('SourceServersPage', () => {
  it('SourceServersPage_Servers_ListedWithReplicationAndGroup', async () => {
    const backend = new FakeBackend()
      .on('GET', '/accounts', page([aTargetAccount({ regions: ['us-east-1', 'eu-west-1'] })]))
      .on('GET', '/protection-groups', page([aProtectionGroup()]))
      .on('GET', '/drs/source-servers', serverPage([aSourceServer({ protectionGroupId: 'pg-web' }), aSourceServer({ sourceServerId: 's-2', hostname: 'db-01', replicationState: 'STALLED' })]));
    const { wrapper } = renderPage(<SourceServersPage />, { backend });

    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));
    await waitFor(() => expect(wrapper.findTable()!.findBodyCell(1, 6)!.getElement()).toHaveTextContent('Web tier'));
    expect(wrapper.findTable()!.findBodyCell(2, 4)!.getElement()).toHaveTextContent('STALLED');
    const call = backend.callsTo('GET', '/drs/source-servers')[0]!;
    expect([call.query.get('accountId'), call.query.get('region')]).toEqual([anAccountId, 'us-east-1']);
    expect(wrapper.findTable()!.findBodyCell(1, 1)!.find('a')!.getElement()).toHaveAttribute('href', detailsUrl);
  });

  it('SourceServersPage_NoAccounts_SaysAddAnAccount', async () => {
    renderPage(<SourceServersPage />, { backend: new FakeBackend().on('GET', '/accounts', page([])).on('GET', '/protection-groups', page([])) });

    expect(await screen.findByText('No target accounts')).toBeInTheDocument();
  });

  it('SourceServersPage_None_EmptyState', async () => {
    renderPage(<SourceServersPage />, { backend: new FakeBackend().on('GET', '/accounts', page([aTargetAccount()])).on('GET', '/protection-groups', page([])).on('GET', '/drs/source-servers', serverPage([])) });

    expect(await screen.findByText('No source servers')).toBeInTheDocument();
  });

  it('SourceServersPage_DrsError_FlashesCode', async () => {
    const backend = new FakeBackend().on('GET', '/accounts', page([aTargetAccount()])).on('GET', '/protection-groups', page([])).on('GET', '/drs/source-servers', fail(502, 'ASSUME_ROLE_FAILED', 'External ID mismatch.'));
    renderPage(<SourceServersPage />, { backend });

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('ASSUME_ROLE_FAILED: External ID mismatch.');
  });
});

describe('SourceServerDetailsPage', () => {
  function backend() {
    return new FakeBackend()
      .on('GET', '/protection-groups', page([]))
      .on('GET', '/drs/source-servers/:id', ok(aSourceServer({ tags: { Tier: 'web', Old: 'x' } })))
      .on('GET', '/drs/source-servers/:id/launch-configuration', ok(launchConfiguration));
  }

  it('SourceServerDetailsPage_PlanManager_SavesTags', async () => {
    const b = backend().on('PUT', '/drs/source-servers/:id/tags', (req) => ok(req.body));
    const { wrapper } = renderPage(<SourceServerDetailsPage />, { url: detailsUrl, path: '/source-servers/:serverId', groups: [RoleGroups.planManager], backend: b });

    expect(await screen.findByText('lt-0abc')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Tag value 1'), { target: { value: 'frontend' } });
    wrapper.findAttributeEditor()!.findRow(2)!.findRemoveButton()!.click();
    fireEvent.click(screen.getByTestId('save-tags'));

    await waitFor(() => expect(b.callsTo('PUT', '/drs/source-servers/s-web1/tags')).toHaveLength(1));
    const call = b.callsTo('PUT', '/drs/source-servers/s-web1/tags')[0]!;
    expect(call.body).toEqual({ set: { Tier: 'frontend' }, remove: ['Old'] });
    expect(call.query.get('accountId')).toBe(anAccountId);
  });

  it('SourceServerDetailsPage_ChangeCopyTags_PutsOnlyTheChange', async () => {
    const b = backend().on('PUT', '/drs/source-servers/:id/launch-configuration', ok({ ...launchConfiguration, copyTags: false }));
    renderPage(<SourceServerDetailsPage />, { url: detailsUrl, path: '/source-servers/:serverId', backend: b });
    await screen.findByText('lt-0abc');
    expect(screen.getByTestId('save-launch-settings')).toHaveAttribute('aria-disabled', 'true');

    fireEvent.click(screen.getByLabelText('Copy tags'));
    fireEvent.click(screen.getByTestId('save-launch-settings'));

    await waitFor(() => expect(b.callsTo('PUT', '/drs/source-servers/s-web1/launch-configuration')).toHaveLength(1));
    expect(b.callsTo('PUT', '/drs/source-servers/s-web1/launch-configuration')[0]!.body).toEqual({ copyTags: false });
  });

  it('SourceServerDetailsPage_ReadOnly_SaveButtonsHidden', async () => {
    renderPage(<SourceServerDetailsPage />, { url: detailsUrl, path: '/source-servers/:serverId', groups: [RoleGroups.readOnly], backend: backend() });

    expect(await screen.findByText('lt-0abc')).toBeInTheDocument();
    expect(screen.queryByTestId('save-tags')).toBeNull();
    expect(screen.queryByTestId('save-launch-settings')).toBeNull();
  });
});
