import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, page } from '../../test/FakeBackend';
import { aRecoveryPlan, anExecutionSummary } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import RecoveryPlansPage from './RecoveryPlansPage';

describe('RecoveryPlansPage', () => {
  it('RecoveryPlansPage_Plans_ListedWithLastExecution', async () => {
    const plans = [aRecoveryPlan(), aRecoveryPlan({ planId: 'plan-2', name: 'Payroll' })];
    const history = [
      anExecutionSummary({ executionId: 'exec-8', status: 'FAILED', type: 'RECOVERY', createdAt: '2030-01-01T00:00:00Z' }),
      anExecutionSummary({ executionId: 'exec-9', status: 'COMPLETED', type: 'DRILL', createdAt: '2030-01-02T00:00:00Z' }),
    ];
    const backend = new FakeBackend().on('GET', '/recovery-plans', page(plans)).on('GET', '/executions', page(history));
    const { wrapper } = renderPage(<RecoveryPlansPage />, { backend });

    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));
    await waitFor(() => expect(wrapper.findTable()!.findBodyCell(1, 6)!.getElement()).toHaveTextContent('DRILL COMPLETED'));
    expect(wrapper.findTable()!.findBodyCell(2, 6)!.getElement()).toHaveTextContent('Not in recent history');
  });

  it('RecoveryPlansPage_ReadOnly_NameLinksToDetailsNotEdit', async () => {
    const backend = new FakeBackend().on('GET', '/recovery-plans', page([aRecoveryPlan()])).on('GET', '/executions', page([]));
    const { wrapper } = renderPage(<RecoveryPlansPage />, { groups: [RoleGroups.readOnly], backend });
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(1));

    const link = wrapper.findTable()!.findBodyCell(1, 2)!.findLink()!.getElement();
    expect(link).toHaveAttribute('href', '/recovery-plans/plan-1');
  });

  it('RecoveryPlansPage_None_ShowsEmptyState', async () => {
    renderPage(<RecoveryPlansPage />, { backend: new FakeBackend().on('GET', '/recovery-plans', page([])).on('GET', '/executions', page([])) });

    expect(await screen.findByText('No recovery plans')).toBeInTheDocument();
  });

  it('RecoveryPlansPage_Operator_CreateEditDeleteHidden', async () => {
    const plan = aRecoveryPlan();
    renderPage(<RecoveryPlansPage />, { groups: [RoleGroups.operator], backend: new FakeBackend().on('GET', '/recovery-plans', page([plan])).on('GET', '/executions', page([])) });

    expect(await screen.findByText(plan.name)).toBeInTheDocument();
    for (const id of ['create-plan', 'edit-plan', 'delete-plan']) expect(screen.queryByTestId(id)).toBeNull();
  });

  it('RecoveryPlansPage_ListFails_FlashesCode', async () => {
    renderPage(<RecoveryPlansPage />, { backend: new FakeBackend().on('GET', '/recovery-plans', fail(500, 'INTERNAL_ERROR', 'Storage unavailable.')).on('GET', '/executions', page([])) });

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('INTERNAL_ERROR: Storage unavailable.');
  });
});
