import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Execution } from '../../api/types';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok } from '../../test/FakeBackend';
import { aServerRecord, aTermination, aWaveRecord, anExecution } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import ExecutionDetailsPage, { executionPollMs } from './ExecutionDetailsPage';

function backendFor(execution: Execution) {
  return new FakeBackend()
    .on('GET', '/executions/:id', ok(execution))
    .on(
      'GET',
      '/executions/:id/job-logs',
      ok({
        executionId: execution.executionId,
        jobs: [
          {
            jobId: 'drsjob-1',
            waveName: 'Databases',
            accountId: '111122223333',
            region: 'us-east-1',
            items: [
              { event: 'JOB_START', eventData: null, logDateTime: '2030-01-01T10:00:01Z' },
              { event: 'LAUNCH_START', eventData: { sourceServerId: 's-web1', conversionServerId: null, targetInstanceId: null, rawError: null }, logDateTime: '2030-01-01T10:01:00Z' },
            ],
            error: null,
          },
        ],
      }),
    );
}

function show(execution: Execution, groups: string[] = [RoleGroups.recoveryManager], backend = backendFor(execution)) {
  return renderPage(<ExecutionDetailsPage />, { url: `/executions/${execution.executionId}`, path: '/executions/:executionId', groups, backend });
}

const button = (testId: string) => screen.getByTestId(testId) as HTMLButtonElement;

describe('ExecutionDetailsPage', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ExecutionDetailsPage_RunningExecution_ShowsWavesServersAndJobLog', async () => {
    const execution = anExecution({
      waves: [
        aWaveRecord({ servers: [aServerRecord({ launchStatus: 'LAUNCHED', ec2InstanceId: 'i-0abc' })] }),
        aWaveRecord({ waveIndex: 1, name: 'App', status: 'PENDING', jobs: [], servers: [] }),
      ],
    });
    show(execution);

    expect(await screen.findByTestId('wave-timeline')).toHaveTextContent('Wave 1: Databases');
    expect(screen.getByTestId('wave-timeline')).toHaveTextContent('Wave 2: App');
    expect(screen.getByTestId('wave-1-servers')).toHaveTextContent('LAUNCHED');
    expect(screen.getByTestId('wave-1-servers')).toHaveTextContent('i-0abc');
    await waitFor(() => expect(screen.getByTestId('job-logs')).toHaveTextContent('LAUNCH_START'));
  });

  it('ExecutionDetailsPage_NoAuditEntries_ShowsEmptyAuditTrail', async () => {
    show(anExecution({ audit: [] }));

    expect(await screen.findByTestId('execution-history')).toHaveTextContent('No audit entries yet');
  });

  it('ExecutionDetailsPage_JobAndInstance_LinkToTheirPages', async () => {
    const execution = anExecution({ waves: [aWaveRecord({ servers: [aServerRecord({ launchStatus: 'LAUNCHED', recoveryInstanceId: 'ri-1', ec2InstanceId: 'i-0abc' })] })] });
    const { wrapper } = show(execution, [RoleGroups.readOnly]);
    await screen.findByTestId('wave-timeline');

    const servers = wrapper.findTable('[data-testid="wave-1-servers"]')!;
    expect(servers.findBodyCell(1, 5)!.findLink()!.getElement()).toHaveAttribute('href', '/executions/exec-1/jobs/drsjob-1');
    expect(servers.findBodyCell(1, 6)!.findLink()!.getElement()).toHaveAttribute('href', '/executions/exec-1/recovery-instances');
    // The wave header names its jobs as links too.
    expect(screen.getAllByTestId('job-link-drsjob-1')[0]).toHaveAttribute('href', '/executions/exec-1/jobs/drsjob-1');
    await waitFor(() => expect(wrapper.findTable('[data-testid="job-logs"]')!.findBodyCell(1, 3)!.findLink()!.getElement()).toHaveAttribute('href', '/executions/exec-1/jobs/drsjob-1'));
    expect(screen.getByTestId('open-recovery-instances')).toHaveAttribute('href', '/executions/exec-1/recovery-instances');
  });

  it('ExecutionDetailsPage_Running_PauseEnabledResumeDisabledWithReason', async () => {
    show(anExecution({ status: 'RUNNING' }));

    await screen.findByTestId('wave-timeline');
    expect(button('pause-execution')).not.toHaveAttribute('aria-disabled', 'true');
    expect(button('resume-execution')).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByTestId('reason-Resume')).toHaveTextContent('Only a paused execution can be resumed (this one is RUNNING).');
  });

  it('ExecutionDetailsPage_ReadOnlyUser_AllActionsHidden', async () => {
    show(anExecution({ status: 'PAUSED' }), [RoleGroups.readOnly]);

    await screen.findByTestId('wave-timeline');
    for (const id of ['pause-execution', 'resume-execution', 'cancel-execution', 'terminate-instances']) {
      expect(screen.queryByTestId(id)).toBeNull();
    }
    expect(screen.queryByTestId('disabled-reasons')).toBeNull();
  });

  it('ExecutionDetailsPage_ResumeClicked_PostsResumeAndReloads', async () => {
    const backend = backendFor(anExecution({ status: 'PAUSED' }));
    let resumed = false;
    backend
      .on('POST', '/executions/:id/resume', () => {
        resumed = true;
        return ok(anExecution({ status: 'RUNNING' }));
      })
      .on('GET', '/executions/:id', () => ok(anExecution({ status: resumed ? 'RUNNING' : 'PAUSED' })));
    show(anExecution(), [RoleGroups.recoveryManager], backend);

    await waitFor(() => expect(button('resume-execution')).not.toHaveAttribute('aria-disabled', 'true'));
    fireEvent.click(button('resume-execution'));

    await waitFor(() => expect(button('pause-execution')).not.toHaveAttribute('aria-disabled', 'true'));
    expect(backend.callsTo('POST', '/executions/exec-1/resume')).toHaveLength(1);
  });

  it('ExecutionDetailsPage_ResumeRefused_FlashesErrorCode', async () => {
    const backend = backendFor(anExecution({ status: 'PAUSED' })).on(
      'POST',
      '/executions/:id/resume',
      fail(409, 'INVALID_STATE_TRANSITION', 'The execution is no longer paused.'),
    );
    show(anExecution({ status: 'PAUSED' }), [RoleGroups.recoveryManager], backend);

    await waitFor(() => expect(button('resume-execution')).not.toHaveAttribute('aria-disabled', 'true'));
    fireEvent.click(button('resume-execution'));

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('INVALID_STATE_TRANSITION: The execution is no longer paused.');
  });

  it('ExecutionDetailsPage_CompletedDrill_TerminateAfterConfirmation', async () => {
    const launched = (id: string) => aServerRecord({ sourceServerId: id, launchStatus: 'LAUNCHED', recoveryInstanceId: `i-r-${id}` });
    const waves = [aWaveRecord({ status: 'COMPLETED', servers: [launched('s-1'), launched('s-2'), launched('s-3'), launched('s-4')] })];
    const backend = backendFor(anExecution({ status: 'COMPLETED', waves })).on(
      'POST',
      '/executions/:id/terminate-instances',
      ok({ executionId: 'exec-1', termination: aTermination({ status: 'IN_PROGRESS', jobIds: ['drsjob-9'] }), instancesRemaining: 4 }, 202),
    );
    show(anExecution(), [RoleGroups.recoveryManager], backend);

    await waitFor(() => expect(button('terminate-instances')).not.toHaveAttribute('aria-disabled', 'true'));
    fireEvent.click(button('terminate-instances'));
    expect(await screen.findByText(/terminates the 4 recovery instance/)).toBeVisible();
    fireEvent.click(screen.getAllByTestId('confirm-button').find((b) => b.textContent === 'Terminate instances')!);

    await waitFor(() => expect(backend.callsTo('POST', '/executions/exec-1/terminate-instances')).toHaveLength(1));
    expect(backend.callsTo('POST', '/executions/exec-1/terminate-instances')[0]!.body).toEqual({});
  });

  it('ExecutionDetailsPage_DrillInstancesTerminated_CountsThemAsLaunched', async () => {
    const servers = [
      aServerRecord({ sourceServerId: 's-1', launchStatus: 'TERMINATED', recoveryInstanceId: 'i-rec1' }),
      aServerRecord({ sourceServerId: 's-2', launchStatus: 'LAUNCHED', recoveryInstanceId: 'i-rec2' }),
      aServerRecord({ sourceServerId: 's-3', launchStatus: 'TERMINATED', recoveryInstanceId: null }),
    ];
    show(anExecution({ status: 'COMPLETED', waves: [aWaveRecord({ status: 'COMPLETED', servers })], termination: aTermination({ status: 'COMPLETED' }) }));

    expect(await screen.findByText('2 launched (1 since terminated), 1 failed of 3')).toBeInTheDocument();
  });

  it('ExecutionDetailsPage_TerminationInProgress_ShowsRemainingInstances', async () => {
    const execution = anExecution({ status: 'COMPLETED', termination: aTermination({ status: 'IN_PROGRESS', jobIds: ['drsjob-t1'] }) });
    const backend = backendFor(execution).on(
      'GET',
      '/executions/:id/termination-status',
      ok({ executionId: 'exec-1', termination: aTermination({ status: 'IN_PROGRESS', jobIds: ['drsjob-t1'] }), instancesRemaining: 3 }),
    );
    show(execution, [RoleGroups.recoveryManager], backend);

    const progress = await screen.findByTestId('termination-progress');
    expect(progress).toHaveTextContent('3 instance(s) remaining');
    expect(progress).toHaveTextContent('drsjob-t1');
    expect(screen.getByTestId('reason-Terminate instances')).toHaveTextContent('under way');
  });

  it('ExecutionDetailsPage_FailedExecution_ShowsCauseAndAudit', async () => {
    const execution = anExecution({
      status: 'FAILED',
      failureCause: 'Wave Databases failed: s-web1 is CRITICAL.',
      waves: [aWaveRecord({ status: 'FAILED', failureReason: 's-web1 failed to launch', servers: [aServerRecord({ launchStatus: 'FAILED', failureReason: 'LAUNCH_FAILED' })] })],
      audit: [{ at: '2030-01-01T10:00:00Z', actor: 'operator@example.test', action: 'PAUSE_REQUESTED', waveIndex: 0, detail: null }],
    });
    show(execution);

    expect(await screen.findByTestId('failure-cause')).toHaveTextContent('s-web1 is CRITICAL');
    expect(screen.getByTestId('wave-1-failure')).toHaveTextContent('s-web1 failed to launch');
    expect(screen.getByTestId('execution-history')).toHaveTextContent('PAUSE REQUESTED');
    expect(screen.getByTestId('execution-history')).toHaveTextContent('Databases');
  });

  it('ExecutionDetailsPage_ActiveExecution_PollsEveryThreeSecondsUntilItEnds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let polls = 0;
    const backend = backendFor(anExecution()).on('GET', '/executions/:id', () => {
      polls += 1;
      return ok(anExecution({ status: polls >= 2 ? 'COMPLETED' : 'RUNNING' }));
    });
    show(anExecution(), [RoleGroups.recoveryManager], backend);
    await screen.findByTestId('wave-timeline');
    expect(polls).toBe(1);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(executionPollMs);
    });
    await waitFor(() => expect(screen.getByTestId('execution-summary')).toHaveTextContent('stopped (execution ended)'));
    expect(polls).toBe(2);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(executionPollMs * 3);
    });
    expect(polls).toBe(2);
  });

  it('ExecutionDetailsPage_NotFound_FlashesCode', async () => {
    const backend = new FakeBackend()
      .on('GET', '/executions/:id', fail(404, 'EXECUTION_NOT_FOUND', 'No execution exec-404.'))
      .on('GET', '/executions/:id/job-logs', ok({ executionId: 'exec-404', jobs: [] }));
    renderPage(<ExecutionDetailsPage />, { url: '/executions/exec-404', path: '/executions/:executionId', backend });

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('EXECUTION_NOT_FOUND: No execution exec-404.');
    expect(screen.getByText('The execution could not be loaded.')).toBeInTheDocument();
  });

  it('ExecutionDetailsPage_DownloadReport_FetchesReport', async () => {
    const backend = backendFor(anExecution({ status: 'COMPLETED' })).on('GET', '/executions/:id/report', ok({ executionId: 'exec-1', waves: [] }));
    const createObjectURL = vi.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    show(anExecution(), [RoleGroups.readOnly], backend);

    fireEvent.click(await screen.findByTestId('download-report'));

    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(backend.callsTo('GET', '/executions/exec-1/report')).toHaveLength(1);
  });
});
