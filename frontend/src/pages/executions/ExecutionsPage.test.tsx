import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok, page } from '../../test/FakeBackend';
import { anExecutionSummary } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import ExecutionsPage from './ExecutionsPage';

const history = [
  anExecutionSummary({ executionId: 'exec-1', status: 'COMPLETED', endedAt: '2030-01-01T10:30:00Z', currentWaveIndex: 2 }),
  anExecutionSummary({ executionId: 'exec-2', status: 'RUNNING', type: 'RECOVERY', planName: 'Payroll', currentWaveIndex: 0 }),
];

describe('ExecutionsPage', () => {
  it('ExecutionsPage_History_ListedWithWaveAndInitiator', async () => {
    const { wrapper } = renderPage(<ExecutionsPage />, { backend: new FakeBackend().on('GET', '/executions', page(history)) });

    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));
    const first = wrapper.findTable()!.findRows()[0]!.getElement();
    expect(first).toHaveTextContent('3 of 3');
    expect(first).toHaveTextContent('operator@example.test');
    expect(wrapper.findTable()!.findRows()[1]!.getElement()).toHaveTextContent('RECOVERY');
  });

  it('ExecutionsPage_TypeFilter_SentAsTypeQuery', async () => {
    const backend = new FakeBackend().on('GET', '/executions', page(history));
    const { wrapper } = renderPage(<ExecutionsPage />, { backend });
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));

    const type = wrapper.findSelect('[data-testid="type-filter"]')!;
    type.openDropdown();
    type.selectOption(2);

    await waitFor(() => expect(backend.calls.some((c) => c.path === '/executions' && c.query.get('type') === 'DRILL')).toBe(true));
  });

  it('ExecutionsPage_None_ShowsEmptyState', async () => {
    renderPage(<ExecutionsPage />, { backend: new FakeBackend().on('GET', '/executions', page([])) });

    expect(await screen.findByText('No executions')).toBeInTheDocument();
  });

  it('ExecutionsPage_ListFails_FlashesCode', async () => {
    renderPage(<ExecutionsPage />, { backend: new FakeBackend().on('GET', '/executions', fail(400, 'INVALID_FIELD', "Field 'status' must be one of PENDING | RUNNING.")) });

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('INVALID_FIELD');
  });

  it('ExecutionsPage_ActiveSelected_DeleteDisabledWithReason', async () => {
    const { wrapper } = renderPage(<ExecutionsPage />, { backend: new FakeBackend().on('GET', '/executions', page(history)) });
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));

    expect(screen.getByTestId('delete-executions')).toHaveAttribute('aria-disabled', 'true');
    wrapper.findTable()!.findRowSelectionArea(2)!.click();

    expect(screen.getByTestId('delete-executions')).toHaveAttribute('aria-disabled', 'true');
  });

  it('ExecutionsPage_DeleteFinished_PostsIdsAndReportsRefusals', async () => {
    const backend = new FakeBackend()
      .on('GET', '/executions', page(history))
      .on('POST', '/executions/delete', ok({ deleted: [], notFound: [], refused: [{ executionId: 'exec-1', code: 'EXECUTION_ACTIVE', message: 'Still running.' }] }));
    const { wrapper } = renderPage(<ExecutionsPage />, { backend });
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));

    wrapper.findTable()!.findRowSelectionArea(1)!.click();
    fireEvent.click(screen.getByTestId('delete-executions'));
    fireEvent.click(await screen.findByTestId('confirm-button'));

    await waitFor(() => expect(backend.callsTo('POST', '/executions/delete')).toHaveLength(1));
    expect(backend.callsTo('POST', '/executions/delete')[0]!.body).toEqual({ ids: ['exec-1'] });
    expect(await screen.findByText(/Refused: exec-1 \(EXECUTION_ACTIVE\)/)).toBeInTheDocument();
  });

  it('ExecutionsPage_ReadOnly_DeleteHidden', async () => {
    const { wrapper } = renderPage(<ExecutionsPage />, { groups: [RoleGroups.readOnly], backend: new FakeBackend().on('GET', '/executions', page(history)) });
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));

    wrapper.findTable()!.findRowSelectionArea(1)!.click();

    expect(screen.queryByTestId('delete-executions')).toBeNull();
  });
});
