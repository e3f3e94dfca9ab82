import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RecoveryPlanInput, RecoveryPlanUpdate } from '../../api/types';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok, page } from '../../test/FakeBackend';
import { aProtectionGroup, aRecoveryPlan } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import RecoveryPlanEditPage from './RecoveryPlanEditPage';

const pgs = [aProtectionGroup(), aProtectionGroup({ groupId: 'pg-app', name: 'App tier', selection: { mode: 'SOURCE_SERVER_IDS', sourceServerIds: ['s-app1'] } })];

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
    const deps3 = wrapper.findMultiselect('[data-testid="wave-3-depends-on"]')!;
    deps3.openDropdown();
    deps3.selectOption(1);
    fireEvent.change(screen.getByLabelText('RPO target in minutes'), { target: { value: '15' } });
    fireEvent.click(screen.getByTestId('save-plan'));

    await waitFor(() => expect(b.callsTo('POST', '/recovery-plans')).toHaveLength(1));
    const body = b.callsTo('POST', '/recovery-plans')[0]!.body as RecoveryPlanInput;
    expect(body.name).toBe('Three waves');
    expect(body.rpoTargetMinutes).toBe(15);
    expect(body.waves.map((w) => [w.name, w.pauseBefore, w.dependsOn])).toEqual([
      ['Wave 1', false, []],
      ['Wave 2', true, []],
      ['Wave 3', false, ['Wave 1']],
    ]);
    expect(body.waves[0]!.protectionGroupIds).toEqual(['pg-web']);
    expect(body).not.toHaveProperty('version');
    expect(body.waves[0]).not.toHaveProperty('waveNumber');
    expect(await screen.findByTestId('navigated-away')).toBeInTheDocument();
  });

  it('RecoveryPlanEditPage_ApiValidationFails_ShowsMessagesUnderTheWaveFields', async () => {
    const b = new FakeBackend().on(
      'POST',
      '/recovery-plans',
      fail(422, 'INVALID_WAVE', 'Recovery plan is invalid.', {
        errors: [
          { field: 'waves[0].protectionGroupIds', code: 'INVALID_WAVE', message: 'A wave needs at least one protection group.' },
          { field: 'waves[1].dependsOn[0]', code: 'WAVE_FORWARD_DEPENDENCY', message: "Wave 'Wave 2' depends on 'Wave 3', which runs later." },
        ],
      }),
    );
    const { wrapper } = create(b);
    await waitFor(() => expect(b.callsTo('GET', '/protection-groups')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('add-wave'));

    fireEvent.click(screen.getByTestId('save-plan'));

    const wave1 = await screen.findByTestId('wave-editor-1');
    await waitFor(() => expect(wave1).toHaveTextContent('A wave needs at least one protection group.'));
    expect(screen.getByTestId('wave-editor-2')).toHaveTextContent("Wave 'Wave 2' depends on 'Wave 3', which runs later.");
    expect(screen.getByTestId('wave-editor-2')).not.toHaveTextContent('A wave needs at least one protection group.');
    expect(wrapper.findForm()!.findError()!.getElement()).toHaveTextContent('2 field(s) need attention');
    expect(screen.getByTestId('flash-error')).toHaveTextContent('INVALID_WAVE');
  });

  it('RecoveryPlanEditPage_NoWaves_PlanLevelMessageInFormError', async () => {
    const b = new FakeBackend().on('POST', '/recovery-plans', fail(422, 'PLAN_HAS_NO_WAVES', 'Recovery plan is invalid.', { errors: [{ field: 'waves', code: 'PLAN_HAS_NO_WAVES', message: 'A plan needs at least one wave.' }] }));
    const { wrapper } = create(b);
    await waitFor(() => expect(b.callsTo('GET', '/protection-groups')).toHaveLength(1));
    fireEvent.click(screen.getByLabelText('Remove wave 1'));

    fireEvent.click(screen.getByTestId('save-plan'));

    await waitFor(() => expect(wrapper.findForm()!.findError()).not.toBeNull());
    expect(wrapper.findForm()!.findError()!.getElement()).toHaveTextContent('A plan needs at least one wave.');
  });

  it('RecoveryPlanEditPage_Edit_LoadsPlanAndPutsWithVersion', async () => {
    const b = new FakeBackend()
      .on('GET', '/recovery-plans/:id', ok(aRecoveryPlan({ version: 7 })))
      .on('PUT', '/recovery-plans/:id', (req) => ok({ ...aRecoveryPlan(), ...(req.body as object) }));
    renderPage(<RecoveryPlanEditPage />, { url: '/recovery-plans/plan-1/edit', path: '/recovery-plans/:planId/edit', backend: b.on('GET', '/protection-groups', page(pgs)) });

    expect(await screen.findByDisplayValue('Three-tier app')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('save-plan'));

    await waitFor(() => expect(b.callsTo('PUT', '/recovery-plans/plan-1')).toHaveLength(1));
    const body = b.callsTo('PUT', '/recovery-plans/plan-1')[0]!.body as RecoveryPlanUpdate;
    expect(body.version).toBe(7);
    expect(Object.keys(body).sort()).toEqual(['description', 'name', 'rpoTargetMinutes', 'rtoTargetMinutes', 'version', 'waves']);
  });

  it('RecoveryPlanEditPage_ReadOnlyCreate_LeavesTheForm', async () => {
    create(new FakeBackend(), [RoleGroups.readOnly]);

    expect(await screen.findByTestId('navigated-away')).toBeInTheDocument();
    expect(screen.queryByTestId('add-wave')).toBeNull();
    expect(screen.queryByTestId('save-plan')).toBeNull();
  });

  it('RecoveryPlanEditPage_ReadOnlyEdit_ShowsNoEditForm', async () => {
    const b = new FakeBackend().on('GET', '/recovery-plans/:id', ok(aRecoveryPlan())).on('GET', '/protection-groups', page(pgs));
    renderPage(<RecoveryPlanEditPage />, { url: '/recovery-plans/plan-1/edit', path: '/recovery-plans/:planId/edit', groups: [RoleGroups.readOnly], backend: b });

    expect(await screen.findByTestId('navigated-away')).toBeInTheDocument();
    expect(screen.queryByLabelText('Plan name')).toBeNull();
  });
});
