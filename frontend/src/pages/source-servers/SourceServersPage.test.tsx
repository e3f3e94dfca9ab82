import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok, page } from '../../test/FakeBackend';
import { aSourceServer, aTargetAccount } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import SourceServerDetailsPage from './SourceServerDetailsPage';
import SourceServersPage from './SourceServersPage';

describe('SourceServersPage', () => {
  it('SourceServersPage_Servers_ListedWithReplicationAndGroup', async () => {
    const backend = new FakeBackend()
      .on('GET', '/accounts', page([aTargetAccount()]))
      .on('GET', '/drs/source-servers', page([aSourceServer({ protectionGroupName: 'Web tier' }), aSourceServer({ sourceServerId: 's-2', hostname: 'db-01', replicationState: 'STALLED' })]));
    const { wrapper } = renderPage(<SourceServersPage />, { backend });

    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));
    expect(wrapper.findTable()!.findBodyCell(1, 6)!.getElement()).toHaveTextContent('Web tier');
    expect(wrapper.findTable()!.findBodyCell(2, 4)!.getElement()).toHaveTextContent('STALLED');
  });

  it('SourceServersPage_None_EmptyState', async () => {
    renderPage(<SourceServersPage />, { backend: new FakeBackend().on('GET', '/accounts', page([])).on('GET', '/drs/source-servers', page([])) });

    expect(await screen.findByText('No source servers')).toBeInTheDocument();
  });

  it('SourceServersPage_DrsError_FlashesCode', async () => {
    const backend = new FakeBackend().on('GET', '/accounts', page([])).on('GET', '/drs/source-servers', fail(502, 'ASSUME_ROLE_FAILED', 'External ID mismatch.'));
    renderPage(<SourceServersPage />, { backend });

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('ASSUME_ROLE_FAILED: External ID mismatch.');
  });
});

describe('SourceServerDetailsPage', () => {
  function backend() {
    return new FakeBackend()
      .on('GET', '/drs/source-servers/:id', ok(aSourceServer()))
      .on('GET', '/drs/source-servers/:id/launch-configuration', ok({ instanceType: 'm5.large', copyTags: true }));
  }

  it('SourceServerDetailsPage_PlanManager_SavesTags', async () => {
    const b = backend().on('PUT', '/drs/source-servers/:id/tags', (req) => ok(req.body));
    renderPage(<SourceServerDetailsPage />, { url: '/source-servers/s-web1', path: '/source-servers/:serverId', groups: [RoleGroups.planManager], backend: b });

    expect(await screen.findByDisplayValue('m5.large')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Tag value 1'), { target: { value: 'frontend' } });
    fireEvent.click(screen.getByTestId('save-tags'));

    await waitFor(() => expect(b.callsTo('PUT', '/drs/source-servers/s-web1/tags')).toHaveLength(1));
    expect(b.callsTo('PUT', '/drs/source-servers/s-web1/tags')[0]!.body).toEqual({ tags: { Tier: 'frontend' } });
  });

  it('SourceServerDetailsPage_ReadOnly_SaveButtonsDisabled', async () => {
    renderPage(<SourceServerDetailsPage />, { url: '/source-servers/s-web1', path: '/source-servers/:serverId', groups: [RoleGroups.readOnly], backend: backend() });

    expect(await screen.findByTestId('save-tags')).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByTestId('save-launch-settings')).toHaveAttribute('aria-disabled', 'true');
  });
});
