import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RecoveryPlanInput } from '../../api/types';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok, page } from '../../test/FakeBackend';
import { aProtectionGroup, aRecoveryPlan } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import RecoveryPlanEditPage from './RecoveryPlanEditPage';

const pgs = [aProtectionGroup(), aProtectionGroup({ groupId: 'pg-app', name: 'App tier', sourceServerIds: ['s-app1'] })];

function create(b: FakeBackend, groups: string[] = [RoleGroups.planManager]) {
  return renderPage(<RecoveryPlanEditPage />, { url: '/recovery-plans/new', path: '/recovery-plans/new', groups, backend: b.on('GET', '/protection-groups', page(pgs)) });
}

describe('RecoveryPlanEditPage', () => {
  it('RecoveryPlanEditPage_ThreeWavesWithPause_PostsPlan', async () => {
    const b = new FakeBackend().on('POST', '/recovery-plans', (req) => ok({ ...aRecoveryPlan(), ...(req.body as object), planId: 'plan-new' }, 201));
    const { wrapper } = create(b);
    await waitFor(() => expect(b.callsTo('GET', '/protection-groups')).toHaveLength(1));

    fireEvent.change(screen.getByLabelText('Plan name'), { target: { value: 'Three waves' } });
    fireEvent.click(screen.getByTestId('add-wave'));
    fireEvent.click(screen.getByTestId('add-wave'));
    const groups1 = wrapper.findMultiselect('[data-testid="wave-1-groups"]')!;
    groups1.openDropdown();
    groups1.selectOption(1);
    wrapper.findCheckbox('[data-testid="wave-2-pause"]')!.findNativeInput().click();
    fireEvent.click(screen.getByTestId('save-plan'));

    await waitFor(() => expect(b.callsTo('POST', '/recovery-plans')).toHaveLength(1));
    const body = b.callsTo('POST', '/recovery-plans')[0]!.body as RecoveryPlanInput;
    expect(body.name).toBe('Three waves');
    expect(body.waves.map((w) => [w.waveNumber, w.pauseBefore])).toEqual([[1, false], [2, true], [3, false]]);
    expect(body.waves[0]!.protectionGroupIds).toEqual(['pg-web']);
    expect(await screen.findByTestId('navigated-away')).toBeInTheDocument();
  });

  it('RecoveryPlanEditPage_ApiValidationFails_ShowsMessagesInline', async () => {
    const b = new FakeBackend().on('POST', '/recovery-plans', fail(422, 'WAVE_FORWARD_DEPENDENCY', 'Invalid plan.', [{ field: 'waves[0].protectionGroupIds', message: 'A wave needs at least one protection group.' }]));
    const { wrapper } = create(b);
    await waitFor(() => expect(b.callsTo('GET', '/protection-groups')).toHaveLength(1));

    fireEvent.click(screen.getByTestId('save-plan'));

    await waitFor(() => expect(wrapper.findForm()!.findError()).not.toBeNull());
    expect(wrapper.findForm()!.findError()!.getElement()).toHaveTextContent('waves[0].protectionGroupIds: A wave needs at least one protection group.');
    expect(screen.getByTestId('flash-error')).toHaveTextContent('WAVE_FORWARD_DEPENDENCY');
  });

  it('RecoveryPlanEditPage_Edit_LoadsPlanAndPutsWithVersion', async () => {
    const b = new FakeBackend()
      .on('GET', '/recovery-plans/:id', ok(aRecoveryPlan({ version: 7 })))
      .on('PUT', '/recovery-plans/:id', (req) => ok({ ...aRecoveryPlan(), ...(req.body as object) }));
    renderPage(<RecoveryPlanEditPage />, { url: '/recovery-plans/plan-1/edit', path: '/recovery-plans/:planId/edit', backend: b.on('GET', '/protection-groups', page(pgs)) });

    expect(await screen.findByDisplayValue('Three-tier app')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('save-plan'));

    await waitFor(() => expect(b.callsTo('PUT', '/recovery-plans/plan-1')).toHaveLength(1));
    expect((b.callsTo('PUT', '/recovery-plans/plan-1')[0]!.body as RecoveryPlanInput).version).toBe(7);
  });

  it('RecoveryPlanEditPage_ReadOnly_SaveDisabled', async () => {
    create(new FakeBackend(), [RoleGroups.readOnly]);

    expect(await screen.findByTestId('save-plan')).toHaveAttribute('aria-disabled', 'true');
  });
});
