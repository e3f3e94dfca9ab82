import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExecutionRecoveryInstance } from '../../api/types';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok } from '../../test/FakeBackend';
import { anAccountId, anExecution, aServerRecord, aWaveRecord } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import { executionPollMs } from './executionLinks';
import RecoveryInstancesPage from './RecoveryInstancesPage';

function anInstance(overrides: Partial<ExecutionRecoveryInstance> = {}): ExecutionRecoveryInstance {
  return {
    sourceServerId: 's-web1',
    waveName: 'Databases',
    accountId: anAccountId,
    region: 'us-east-1',
    recoveryInstanceId: 'i-recovery1',
    ec2InstanceId: 'i-0abc123',
    ec2InstanceState: 'RUNNING',
    isDrill: true,
    launchStatus: 'LAUNCHED',
    jobId: 'drsjob-1',
    ...overrides,
  };
}

const launched = anExecution({
  status: 'COMPLETED',
  waves: [aWaveRecord({ status: 'COMPLETED', servers: [aServerRecord({ launchStatus: 'LAUNCHED', recoveryInstanceId: 'i-recovery1', ec2InstanceId: 'i-0abc123', launchStartedAt: '2030-01-01T10:00:05Z', launchEndedAt: '2030-01-01T10:04:05Z' })] })],
});

function show(backend: FakeBackend) {
  return renderPage(<RecoveryInstancesPage />, { url: '/executions/exec-1/recovery-instances', path: '/executions/:executionId/recovery-instances', groups: [RoleGroups.readOnly], backend });
}

describe('RecoveryInstancesPage', () => {
  afterEach(() => vi.useRealTimers());

  it('RecoveryInstancesPage_Instances_ListedWithStateKindLaunchTimeAndJobLink', async () => {
    const backend = new FakeBackend()
      .on('GET', '/executions/:id', ok(launched))
      .on('GET', '/executions/:id/recovery-instances', ok({ executionId: 'exec-1', items: [anInstance(), anInstance({ sourceServerId: 's-web2', recoveryInstanceId: 'i-recovery2', ec2InstanceId: null, ec2InstanceState: null, isDrill: null, jobId: null })] }));
    const { wrapper } = show(backend);

    const table = wrapper.findTable('[data-testid="recovery-instances"]')!;
    await waitFor(() => expect(table.findRows()).toHaveLength(2));
    const first = table.findRows()[0]!.getElement();
    expect(first).toHaveTextContent('s-web1');
    expect(first).toHaveTextContent('i-0abc123');
    expect(first).toHaveTextContent('RUNNING');
    expect(first).toHaveTextContent('i-recovery1');
    expect(first).toHaveTextContent('Drill');
    expect(first).toHaveTextContent('4m 0s');
    expect(table.findBodyCell(1, 11)!.findLink()!.getElement()).toHaveAttribute('href', '/executions/exec-1/jobs/drsjob-1');
    expect(table.findRows()[1]!.getElement()).toHaveTextContent('Unknown (not listed by DRS)');
    expect(backend.callsTo('GET', '/executions/exec-1/recovery-instances')).toHaveLength(1);
  });

  it('RecoveryInstancesPage_NoneLaunched_ShowsEmptyState', async () => {
    const backend = new FakeBackend()
      .on('GET', '/executions/:id', ok(launched))
      .on('GET', '/executions/:id/recovery-instances', ok({ executionId: 'exec-1', items: [] }));
    show(backend);

    expect(await screen.findByText('No recovery instances')).toBeInTheDocument();
    expect(screen.getByText('This execution launched no recovery instances.')).toBeInTheDocument();
  });

  it('RecoveryInstancesPage_ApiFails_ShowsCodeAndMessage', async () => {
    const backend = new FakeBackend()
      .on('GET', '/executions/:id', ok(launched))
      .on('GET', '/executions/:id/recovery-instances', fail(502, 'DRS_UNAVAILABLE', 'DRS did not answer.'));
    show(backend);

    expect(await screen.findByTestId('recovery-instances-error')).toHaveTextContent('DRS_UNAVAILABLE: DRS did not answer.');
  });

  it('RecoveryInstancesPage_ActiveExecution_PollsUntilItEnds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let executionReads = 0;
    const backend = new FakeBackend()
      .on('GET', '/executions/:id', () => {
        executionReads += 1;
        return ok(anExecution({ status: executionReads >= 2 ? 'COMPLETED' : 'RUNNING' }));
      })
      .on('GET', '/executions/:id/recovery-instances', () => ok({ executionId: 'exec-1', items: executionReads >= 2 ? [anInstance()] : [] }));
    show(backend);
    expect(await screen.findByText('None launched yet; this page refreshes while the execution runs.')).toBeInTheDocument();

    await act(async () => {
      await vi.advanceTimersByTimeAsync(executionPollMs);
    });
    await waitFor(() => expect(screen.getByTestId('recovery-instances')).toHaveTextContent('i-0abc123'));

    // A poll already in flight when the execution ended may still land once; after that, no more.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(executionPollMs);
    });
    const reads = backend.callsTo('GET', '/executions/exec-1/recovery-instances').length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(executionPollMs * 3);
    });
    expect(backend.callsTo('GET', '/executions/exec-1/recovery-instances').length).toBe(reads);
    expect(reads).toBeLessThanOrEqual(3);
  });
});
