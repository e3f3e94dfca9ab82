import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeBackend, fail, ok, page } from '../../test/FakeBackend';
import { aReadiness, aRecoveryPlan, aRegionCapacity, anExecutionSummary } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import { DashboardPage } from './DashboardPage';

function backendWith(executions = [anExecutionSummary()]) {
  return new FakeBackend()
    .on('GET', '/executions', page(executions))
    .on('GET', '/drs/capacity', ok({ regions: [aRegionCapacity()] }))
    .on('GET', '/recovery-plans', page([aRecoveryPlan()]))
    .on('GET', '/recovery-plans/:planId/readiness', ok(aReadiness({ ready: false, checks: [{ name: 'Replication', status: 'FAIL', message: 'web-02 is STALLED' }] })));
}

describe('DashboardPage', () => {
  it('DashboardPage_ActiveExecution_ShowsLiveProgress', async () => {
    const { wrapper } = renderPage(<DashboardPage />, { backend: backendWith() });

    const active = await screen.findByTestId('active-executions');
    await waitFor(() => expect(active).toHaveTextContent('Three-tier app'));
    expect(active).toHaveTextContent('DRILL - wave 1 of 3');
    expect(wrapper.findProgressBar()?.findPercentageText()?.getElement()).toHaveTextContent('25%');
  });

  it('DashboardPage_NoExecutions_ShowsEmptyStates', async () => {
    renderPage(<DashboardPage />, { backend: backendWith([]) });

    expect(await screen.findByText('No active executions')).toBeInTheDocument();
    expect(await screen.findByText('No finished executions yet')).toBeInTheDocument();
  });

  it('DashboardPage_FinishedExecution_ListedInRecentResults', async () => {
    renderPage(<DashboardPage />, { backend: backendWith([anExecutionSummary({ status: 'PARTIAL', endedAt: '2030-01-01T10:30:00Z', launchedServers: 3 })]) });

    const recent = await screen.findByTestId('recent-results');
    await waitFor(() => expect(recent).toHaveTextContent('PARTIAL'));
    expect(recent).toHaveTextContent('3/4 launched');
  });

  it('DashboardPage_UnreadableQuota_ShownAsUnknownNotOk', async () => {
    const backend = backendWith().on(
      'GET',
      '/drs/capacity',
      ok({ regions: [aRegionCapacity({ status: 'UNKNOWN', concurrentJobs: { used: null, limit: 20 }, message: 'DescribeJobs throttled' })] }),
    );
    renderPage(<DashboardPage />, { backend });

    const capacity = await screen.findByTestId('capacity');
    await waitFor(() => expect(capacity).toHaveTextContent('UNKNOWN: DescribeJobs throttled'));
    expect(capacity).toHaveTextContent('Concurrent jobs: unknown');
  });

  it('DashboardPage_PlanNotReady_ShowsFailingCheck', async () => {
    renderPage(<DashboardPage />, { backend: backendWith() });

    const readiness = await screen.findByTestId('plan-readiness');
    await waitFor(() => expect(readiness).toHaveTextContent('Not ready'));
    expect(readiness).toHaveTextContent('web-02 is STALLED');
  });

  it('DashboardPage_ApiError_FlashesCodeAndMessage', async () => {
    const backend = backendWith().on('GET', '/drs/capacity', fail(403, 'FORBIDDEN', 'You may not view capacity.'));
    renderPage(<DashboardPage />, { backend });

    const flash = await screen.findByTestId('flash-error');
    expect(flash).toHaveTextContent('FORBIDDEN: You may not view capacity.');
  });
});
