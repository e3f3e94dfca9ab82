import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, page } from '../../test/FakeBackend';
import { aRecoveryPlan } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import RecoveryPlansPage from './RecoveryPlansPage';

describe('RecoveryPlansPage', () => {
  it('RecoveryPlansPage_Plans_ListedWithLastExecution', async () => {
    const plans = [aRecoveryPlan({ lastExecution: { executionId: 'exec-9', status: 'COMPLETED', executionType: 'DRILL', startedAt: '2030-01-01T00:00:00Z' } }), aRecoveryPlan({ planId: 'plan-2', name: 'Payroll' })];
    const { wrapper } = renderPage(<RecoveryPlansPage />, { backend: new FakeBackend().on('GET', '/recovery-plans', page(plans)) });

    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));
    expect(wrapper.findTable()!.findBodyCell(1, 6)!.getElement()).toHaveTextContent('DRILL COMPLETED');
    expect(wrapper.findTable()!.findBodyCell(2, 6)!.getElement()).toHaveTextContent('Never run');
  });

  it('RecoveryPlansPage_None_ShowsEmptyState', async () => {
    renderPage(<RecoveryPlansPage />, { backend: new FakeBackend().on('GET', '/recovery-plans', page([])) });

    expect(await screen.findByText('No recovery plans')).toBeInTheDocument();
  });

  it('RecoveryPlansPage_Operator_CreateDisabled', async () => {
    renderPage(<RecoveryPlansPage />, { groups: [RoleGroups.operator], backend: new FakeBackend().on('GET', '/recovery-plans', page([aRecoveryPlan()])) });

    expect(await screen.findByTestId('create-plan')).toHaveAttribute('aria-disabled', 'true');
  });

  it('RecoveryPlansPage_ListFails_FlashesCode', async () => {
    renderPage(<RecoveryPlansPage />, { backend: new FakeBackend().on('GET', '/recovery-plans', fail(500, 'INTERNAL_ERROR', 'Storage unavailable.')) });

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('INTERNAL_ERROR: Storage unavailable.');
  });
});
