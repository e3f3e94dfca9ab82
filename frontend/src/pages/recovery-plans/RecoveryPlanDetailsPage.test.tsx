import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok, page } from '../../test/FakeBackend';
import { aProtectionGroup, aReadiness, aRecoveryPlan, aWave, anExecution, anExecutionSummary } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import RecoveryPlanDetailsPage, { describeRun } from './RecoveryPlanDetailsPage';

const plan = aRecoveryPlan({
  waves: [aWave(), aWave({ name: 'App', pauseBefore: true, dependsOn: ['Databases'] }), aWave({ name: 'Web', defaultCriticality: 'OPTIONAL' })],
});

function backend() {
  return new FakeBackend()
    .on('GET', '/recovery-plans/:id', ok(plan))
    .on('GET', '/protection-groups', page([aProtectionGroup()]))
    .on('GET', '/executions', page([anExecutionSummary({ status: 'COMPLETED' })]))
    .on(
      'GET',
      '/recovery-plans/:id/readiness',
      ok(
        aReadiness({
          ready: false,
          status: 'FAIL',
          checks: [{ name: 'REPLICATION_HEALTHY', status: 'FAIL', message: '1 server is not replicating.', findings: [{ subject: 's-web2', status: 'FAIL', message: 'web-02 is STALLED' }] }],
        }),
      ),
    )
    .on('GET', '/recovery-plans/:id/check-existing-instances', ok({ planId: 'plan-1', serversChecked: 2, instances: [], unreadableLocations: [] }));
}

function show(groups: string[], b = backend()) {
  return renderPage(<RecoveryPlanDetailsPage />, { url: '/recovery-plans/plan-1', path: '/recovery-plans/:planId', groups, backend: b });
}

describe('RecoveryPlanDetailsPage', () => {
  it('RecoveryPlanDetailsPage_Plan_ShowsWavesAndReadiness', async () => {
    show([RoleGroups.operator]);

    const waves = await screen.findByTestId('plan-waves');
    await waitFor(() => expect(waves).toHaveTextContent('Web tier'));
    expect(waves).toHaveTextContent('Databases');
    expect(waves).toHaveTextContent('Optional');
    await waitFor(() => expect(screen.getByTestId('readiness')).toHaveTextContent('web-02 is STALLED'));
    expect(screen.getByTestId('readiness')).toHaveTextContent('Not ready (FAIL)');
    expect(screen.getByTestId('readiness')).toHaveTextContent('1 server is not replicating.');
  });

  it('RecoveryPlanDetailsPage_DrillOperator_RecoveryAndEditHidden', async () => {
    show([RoleGroups.drillOperator]);

    await screen.findByTestId('plan-waves');
    expect(screen.getByTestId('run-drill')).not.toHaveAttribute('aria-disabled');
    expect(screen.queryByTestId('run-recovery')).toBeNull();
    expect(screen.queryByTestId('edit-plan')).toBeNull();
    expect(screen.queryByTestId('reason-Run recovery')).toBeNull();
  });

  it('RecoveryPlanDetailsPage_ActiveExecution_RunDisabled', async () => {
    const b = backend().on('GET', '/executions', page([anExecutionSummary({ status: 'PAUSED' })]));
    show([RoleGroups.operator], b);

    await screen.findByTestId('plan-waves');
    await waitFor(() => expect(screen.getByTestId('run-drill')).toHaveAttribute('aria-disabled', 'true'));
    expect(b.callsTo('GET', '/executions')[0]!.query.get('planId')).toBe('plan-1');
    expect(screen.getByTestId('reason-Run drill')).toHaveTextContent('already has an active execution');
  });

  it('RecoveryPlanDetailsPage_RunDrill_ConfirmationNamesWhatHappensThenStarts', async () => {
    const b = backend().on('POST', '/recovery-plans/:id/execute', ok(anExecution({ executionId: 'exec-new' }), 202));
    show([RoleGroups.operator], b);
    fireEvent.click(await screen.findByTestId('run-drill'));

    const summary = await screen.findByTestId('run-summary');
    expect(summary).toHaveTextContent('drill instances');
    expect(summary).toHaveTextContent('Wave 2 "App": 1 protection group(s) (pauses first and waits for you to resume)');
    fireEvent.click(screen.getByTestId('confirm-button'));

    await waitFor(() => expect(b.callsTo('POST', '/recovery-plans/plan-1/execute')).toHaveLength(1));
    expect(b.callsTo('POST', '/recovery-plans/plan-1/execute')[0]!.body).toEqual({ type: 'DRILL', pauseBeforeFirstWave: false, invocationSource: 'CONSOLE' });
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

describe('RecoveryPlanDetailsPage quota', () => {
  it('RecoveryPlanDetailsPage_StartWithUnknownQuota_SaysSo', async () => {
    const started = anExecution({ executionId: 'exec-new', quota: { verdict: 'UNKNOWN', reason: 'DescribeJobs throttled', location: null, figures: [] } });
    const b = backend().on('POST', '/recovery-plans/:id/execute', ok(started, 202));
    show([RoleGroups.operator], b);
    fireEvent.click(await screen.findByTestId('run-drill'));
    fireEvent.click(await screen.findByTestId('confirm-button'));

    expect(await screen.findByText(/DRS capacity could not be read \(DescribeJobs throttled\)/)).toBeInTheDocument();
  });

  it('RecoveryPlanDetailsPage_ExistingInstances_WarnedBeforeStart', async () => {
    const instance = { sourceServerId: 's-web1', accountId: '111122223333', region: 'us-east-1', waveName: 'Databases', recoveryInstanceId: 'i-r1', ec2InstanceId: 'i-0abc', ec2InstanceState: 'running', isDrill: true, jobId: 'drsjob-1' };
    const b = backend().on('GET', '/recovery-plans/:id/check-existing-instances', ok({ planId: 'plan-1', serversChecked: 2, instances: [instance], unreadableLocations: [] }));
    show([RoleGroups.operator], b);
    fireEvent.click(await screen.findByTestId('run-drill'));

    expect(await screen.findByTestId('existing-instances')).toHaveTextContent('1 recovery instance(s) from an earlier run');
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
