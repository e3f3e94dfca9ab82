import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok, page } from '../../test/FakeBackend';
import { aProtectionGroup, aReadiness, aRecoveryPlan, aWave, anExecutionSummary } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import RecoveryPlanDetailsPage, { describeRun } from './RecoveryPlanDetailsPage';

const plan = aRecoveryPlan({
  waves: [aWave(), aWave({ waveNumber: 2, name: 'App', pauseBefore: true, dependsOn: [1] }), aWave({ waveNumber: 3, name: 'Web' })],
});

function backend() {
  return new FakeBackend()
    .on('GET', '/recovery-plans/:id', ok(plan))
    .on('GET', '/protection-groups', page([aProtectionGroup()]))
    .on('GET', '/recovery-plans/:id/readiness', ok(aReadiness({ ready: false, checks: [{ name: 'Replication', status: 'FAIL', message: 'web-02 is STALLED' }] })))
    .on('GET', '/recovery-plans/:id/check-existing-instances', ok({ instances: [] }));
}

function show(groups: string[], b = backend()) {
  return renderPage(<RecoveryPlanDetailsPage />, { url: '/recovery-plans/plan-1', path: '/recovery-plans/:planId', groups, backend: b });
}

describe('RecoveryPlanDetailsPage', () => {
  it('RecoveryPlanDetailsPage_Plan_ShowsWavesAndReadiness', async () => {
    show([RoleGroups.operator]);

    const waves = await screen.findByTestId('plan-waves');
    await waitFor(() => expect(waves).toHaveTextContent('Web tier'));
    expect(waves).toHaveTextContent('wave 1');
    await waitFor(() => expect(screen.getByTestId('readiness')).toHaveTextContent('web-02 is STALLED'));
    expect(screen.getByTestId('readiness')).toHaveTextContent('Not ready');
  });

  it('RecoveryPlanDetailsPage_DrillOperator_RecoveryDisabledWithReason', async () => {
    show([RoleGroups.drillOperator]);

    await screen.findByTestId('plan-waves');
    expect(screen.getByTestId('run-drill')).not.toHaveAttribute('aria-disabled');
    expect(screen.getByTestId('run-recovery')).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByTestId('reason-Run recovery')).toHaveTextContent('drs:ExecuteRecovery');
  });

  it('RecoveryPlanDetailsPage_ActiveExecution_RunDisabled', async () => {
    const b = backend().on('GET', '/recovery-plans/:id', ok({ ...plan, lastExecution: { executionId: 'e', status: 'PAUSED', executionType: 'DRILL', startedAt: '2030-01-01T00:00:00Z' } }));
    show([RoleGroups.operator], b);

    await screen.findByTestId('plan-waves');
    expect(screen.getByTestId('run-drill')).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByTestId('reason-Run drill')).toHaveTextContent('already has an active execution');
  });

  it('RecoveryPlanDetailsPage_RunDrill_ConfirmationNamesWhatHappensThenStarts', async () => {
    const b = backend().on('POST', '/recovery-plans/:id/execute', ok(anExecutionSummary({ executionId: 'exec-new' }), 202));
    show([RoleGroups.operator], b);
    fireEvent.click(await screen.findByTestId('run-drill'));

    const summary = await screen.findByTestId('run-summary');
    expect(summary).toHaveTextContent('drill instances');
    expect(summary).toHaveTextContent('Wave 2 "App": 1 protection group(s) (pauses first and waits for you to resume)');
    fireEvent.click(screen.getByTestId('confirm-button'));

    await waitFor(() => expect(b.callsTo('POST', '/recovery-plans/plan-1/execute')).toHaveLength(1));
    expect(b.callsTo('POST', '/recovery-plans/plan-1/execute')[0]!.body).toEqual({ executionType: 'DRILL', pauseBeforeFirstWave: false });
    expect(await screen.findByTestId('navigated-away')).toBeInTheDocument();
  });

  it('RecoveryPlanDetailsPage_RunRecovery_NeedsPlanNameTyped', async () => {
    show([RoleGroups.operator]);
    fireEvent.click(await screen.findByTestId('run-recovery'));

    const confirm = await screen.findByTestId('confirm-button');
    expect(confirm).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Plan name confirmation'), { target: { value: 'Three-tier app' } });
    expect(screen.getByTestId('confirm-button')).not.toBeDisabled();
  });

  it('RecoveryPlanDetailsPage_ExecuteRefused_FlashesCode', async () => {
    const b = backend().on('POST', '/recovery-plans/:id/execute', fail(409, 'PLAN_HAS_ACTIVE_EXECUTION', 'exec-7 is still running.'));
    show([RoleGroups.operator], b);
    fireEvent.click(await screen.findByTestId('run-drill'));
    fireEvent.click(await screen.findByTestId('confirm-button'));

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('PLAN_HAS_ACTIVE_EXECUTION: exec-7 is still running.');
  });
});

describe('describeRun', () => {
  it('describeRun_PauseBeforeWaveOneNotRequested_WaveOneDoesNotPause', () => {
    const lines = describeRun(aRecoveryPlan({ waves: [aWave({ pauseBefore: true })] }), 'DRILL', false);

    expect(lines.join('\n')).not.toContain('pauses first');
  });

  it('describeRun_Recovery_SaysRealFailover', () => {
    expect(describeRun(plan, 'RECOVERY', true)[0]).toContain('real failover');
  });
});
