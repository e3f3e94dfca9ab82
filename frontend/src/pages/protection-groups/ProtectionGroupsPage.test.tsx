import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, page } from '../../test/FakeBackend';
import { aProtectionGroup, aTagGroup } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import ProtectionGroupsPage from './ProtectionGroupsPage';

const groups = [aProtectionGroup(), aTagGroup({ description: 'Oracle' })];

describe('ProtectionGroupsPage', () => {
  it('ProtectionGroupsPage_Groups_ListedWithSelection', async () => {
    const { wrapper } = renderPage(<ProtectionGroupsPage />, { backend: new FakeBackend().on('GET', '/protection-groups', page(groups)) });

    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));
    expect(wrapper.findTable()!.findBodyCell(1, 6)!.getElement()).toHaveTextContent('2 server(s) chosen');
    expect(wrapper.findTable()!.findBodyCell(2, 6)!.getElement()).toHaveTextContent('Tags: Tier=db');
  });

  it('ProtectionGroupsPage_Search_FiltersRows', async () => {
    const { wrapper } = renderPage(<ProtectionGroupsPage />, { backend: new FakeBackend().on('GET', '/protection-groups', page(groups)) });
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));

    wrapper.findTextFilter()!.findInput().setInputValue('oracle');

    expect(wrapper.findTable()!.findRows()).toHaveLength(1);
    expect(wrapper.findTable()!.findRows()[0]!.getElement()).toHaveTextContent('Databases');
  });

  it('ProtectionGroupsPage_None_ShowsEmptyState', async () => {
    renderPage(<ProtectionGroupsPage />, { backend: new FakeBackend().on('GET', '/protection-groups', page([])) });

    expect(await screen.findByText('No protection groups')).toBeInTheDocument();
  });

  it('ProtectionGroupsPage_ReadOnly_ActionsHidden', async () => {
    const { wrapper } = renderPage(<ProtectionGroupsPage />, { groups: [RoleGroups.readOnly], backend: new FakeBackend().on('GET', '/protection-groups', page(groups)) });
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));

    for (const id of ['create-group', 'edit-group', 'delete-group']) expect(screen.queryByTestId(id)).toBeNull();
  });

  it('ProtectionGroupsPage_ReadOnly_NameLinksToDetailsNotEdit', async () => {
    const { wrapper } = renderPage(<ProtectionGroupsPage />, { groups: [RoleGroups.readOnly], backend: new FakeBackend().on('GET', '/protection-groups', page(groups)) });
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));

    const hrefs = [1, 2].map((row) => wrapper.findTable()!.findBodyCell(row, 2)!.findLink()!.getElement().getAttribute('href'));
    expect(hrefs).toEqual(['/protection-groups/pg-web', '/protection-groups/pg-db']);
  });

  it('ProtectionGroupsPage_PlanManager_CanCreateAndEditDeleteHidden', async () => {
    const { wrapper } = renderPage(<ProtectionGroupsPage />, { groups: [RoleGroups.planManager], backend: new FakeBackend().on('GET', '/protection-groups', page(groups)) });
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));

    wrapper.findTable()!.findRowSelectionArea(1)!.click();

    expect(screen.getByTestId('create-group')).not.toHaveAttribute('aria-disabled');
    expect(screen.getByTestId('edit-group')).not.toHaveAttribute('aria-disabled');
    expect(screen.queryByTestId('delete-group')).toBeNull();
  });

  it('ProtectionGroupsPage_DeleteInUse_FlashesCode', async () => {
    const backend = new FakeBackend()
      .on('GET', '/protection-groups', page(groups))
      .on('DELETE', '/protection-groups/:id', fail(409, 'PG_IN_USE', 'Plan Three-tier app uses this group.'));
    const { wrapper } = renderPage(<ProtectionGroupsPage />, { backend });
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));

    wrapper.findTable()!.findRowSelectionArea(1)!.click();
    fireEvent.click(screen.getByTestId('delete-group'));
    fireEvent.click(await screen.findByTestId('confirm-button'));

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('PG_IN_USE: Plan Three-tier app uses this group.');
  });
});
