import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok, page } from '../../test/FakeBackend';
import { aCapacity, aQuotaReport, aReadiness, aRecoveryPlan, anExecutionSummary } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import { DashboardPage } from './DashboardPage';

function backendWith(executions = [anExecutionSummary({ currentWaveIndex: 1, waveCount: 4 })]) {
  return new FakeBackend()
    .on('GET', '/executions', page(executions))
    .on('GET', '/drs/capacity', ok(aCapacity()))
    .on('GET', '/recovery-plans', page([aRecoveryPlan()]))
    .on('GET', '/recovery-plans/:planId/readiness', ok(aReadiness({ ready: false, status: 'FAIL', checks: [{ name: 'REPLICATION_HEALTHY', status: 'FAIL', message: 'web-02 is STALLED', findings: [] }] })));
}

describe('DashboardPage', () => {
  it('DashboardPage_ActiveExecution_ShowsLiveProgress', async () => {
    const { wrapper } = renderPage(<DashboardPage />, { backend: backendWith() });

    const active = await screen.findByTestId('active-executions');
    await waitFor(() => expect(active).toHaveTextContent('Three-tier app'));
    expect(active).toHaveTextContent('DRILL - wave 2 of 4');
    expect(wrapper.findProgressBar()?.findPercentageText()?.getElement()).toHaveTextContent('25%');
  });

  it('DashboardPage_NoExecutions_ShowsEmptyStates', async () => {
    renderPage(<DashboardPage />, { backend: backendWith([]) });

    expect(await screen.findByText('No active executions')).toBeInTheDocument();
    expect(await screen.findByText('No finished executions yet')).toBeInTheDocument();
  });

  it('DashboardPage_FinishedExecution_ListedInRecentResults', async () => {
    renderPage(<DashboardPage />, { backend: backendWith([anExecutionSummary({ status: 'PARTIAL', endedAt: '2030-01-01T10:30:00Z', waveCount: 3 })]) });

    const recent = await screen.findByTestId('recent-results');
    await waitFor(() => expect(recent).toHaveTextContent('PARTIAL'));
    expect(recent).toHaveTextContent('Three-tier app');
  });

  it('DashboardPage_UnreadableQuota_ShownAsUnknownNotOk', async () => {
    const backend = backendWith().on(
      'GET',
      '/drs/capacity',
      ok(
        aCapacity([
          aQuotaReport({
            error: 'DescribeJobs throttled',
            quotas: [
              { name: 'concurrentJobs', limit: 20, inUse: null, available: null, status: 'UNKNOWN' },
              { name: 'replicatingServers', limit: 300, inUse: 12, available: 288, status: 'OK' },
            ],
          }),
        ]),
      ),
    );
    renderPage(<DashboardPage />, { backend });

    const capacity = await screen.findByTestId('capacity');
    await waitFor(() => expect(capacity).toHaveTextContent('UNKNOWN: DescribeJobs throttled'));
    expect(capacity).toHaveTextContent('Concurrent jobs: unknown of 20');
    expect(capacity).toHaveTextContent('1 location(s) could not be read');
  });

  it('DashboardPage_NearLimit_SaysSo', async () => {
    const near = aQuotaReport({ quotas: [{ name: 'concurrentJobs', limit: 20, inUse: 17, available: 3, status: 'NEAR_LIMIT' }] });
    renderPage(<DashboardPage />, { backend: backendWith().on('GET', '/drs/capacity', ok(aCapacity([near]))) });

    const capacity = await screen.findByTestId('capacity');
    await waitFor(() => expect(capacity).toHaveTextContent('17 of 20 (near limit)'));
    expect(capacity).toHaveTextContent('NEAR LIMIT');
  });

  it('DashboardPage_PlanNotReady_ShowsFailingCheck', async () => {
    renderPage(<DashboardPage />, { backend: backendWith() });

    const readiness = await screen.findByTestId('plan-readiness');
    await waitFor(() => expect(readiness).toHaveTextContent('Not ready'));
    expect(readiness).toHaveTextContent('web-02 is STALLED');
  });

  it('DashboardPage_NoPlans_OffersCreateOnlyToPlanManagers', async () => {
    const noPlans = () => backendWith([]).on('GET', '/recovery-plans', page([]));
    const manager = renderPage(<DashboardPage />, { backend: noPlans(), groups: [RoleGroups.planManager] });
    await waitFor(() => expect(screen.getByTestId('plan-readiness')).toHaveTextContent('No recovery plans'));
    expect(screen.getByTestId('plan-readiness')).toHaveTextContent('Create a recovery plan');
    manager.unmount();

    renderPage(<DashboardPage />, { backend: noPlans(), groups: [RoleGroups.readOnly] });
    await waitFor(() => expect(screen.getByTestId('plan-readiness')).toHaveTextContent('No recovery plans'));
    expect(screen.getByTestId('plan-readiness')).not.toHaveTextContent('Create a recovery plan');
  });

  it('DashboardPage_ApiError_FlashesCodeAndMessage', async () => {
    const backend = backendWith().on('GET', '/drs/capacity', fail(403, 'FORBIDDEN', 'You may not view capacity.'));
    renderPage(<DashboardPage />, { backend });

    const flash = await screen.findByTestId('flash-error');
    expect(flash).toHaveTextContent('FORBIDDEN: You may not view capacity.');
  });
});
