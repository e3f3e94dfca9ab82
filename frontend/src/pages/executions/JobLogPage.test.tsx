import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JobLogItem } from '../../api/types';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok } from '../../test/FakeBackend';
import { anExecution, aWaveRecord } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import JobLogPage, { inTimeOrder } from './JobLogPage';

const spokeAccount = '444455556666';

// The job ran in another account and region than the builders' default: the log must be read there.
const execution = anExecution({
  status: 'COMPLETED',
  waves: [
    aWaveRecord({
      status: 'COMPLETED',
      jobs: [
        {
          requestId: 'req-1',
          accountId: spokeAccount,
          region: 'eu-west-1',
          sourceServerIds: ['s-web1'],
          jobId: 'drsjob-7',
          status: 'COMPLETED',
          intentRecordedAt: '2030-01-01T10:00:01Z',
          startedAt: '2030-01-01T10:00:02Z',
          endedAt: '2030-01-01T10:09:00Z',
        },
      ],
    }),
  ],
});

const event = (name: string, at: string | null, data: Partial<NonNullable<JobLogItem['eventData']>> = {}): JobLogItem => ({
  event: name,
  logDateTime: at,
  eventData: { sourceServerId: 's-web1', conversionServerId: null, targetInstanceId: null, rawError: null, ...data },
});

function show(backend: FakeBackend, jobId = 'drsjob-7') {
  return renderPage(<JobLogPage />, { url: `/executions/exec-1/jobs/${jobId}`, path: '/executions/:executionId/jobs/:jobId', groups: [RoleGroups.readOnly], backend });
}

describe('JobLogPage', () => {
  it('JobLogPage_Events_ReadFromJobsLocationOldestFirst', async () => {
    const backend = new FakeBackend()
      .on('GET', '/executions/:id', ok(execution))
      .on(
        'GET',
        '/drs/jobs/:jobId/logs',
        ok({
          jobId: 'drsjob-7',
          accountId: spokeAccount,
          region: 'eu-west-1',
          items: [
            event('LAUNCH_END', '2030-01-01T10:08:00Z', { targetInstanceId: 'i-0abc123' }),
            event('JOB_START', '2030-01-01T10:00:02Z'),
            event('CONVERSION_START', '2030-01-01T10:01:00+00:00', { conversionServerId: 'i-conv1' }),
          ],
        }),
      );
    const { wrapper } = show(backend);

    await screen.findByTestId('job-log');
    const table = wrapper.findTable('[data-testid="job-log"]')!;
    await waitFor(() => expect(table.findRows()).toHaveLength(3));
    expect(table.findRows().map((r) => r.findAll('td')[1]!.getElement().textContent)).toEqual(['JOB_START', 'CONVERSION_START', 'LAUNCH_END']);
    expect(table.findRows()[2]!.getElement()).toHaveTextContent('i-0abc123');
    const call = backend.callsTo('GET', '/drs/jobs/drsjob-7/logs')[0]!;
    expect(Object.fromEntries(call.query)).toEqual({ accountId: spokeAccount, region: 'eu-west-1' });
    expect(screen.getByTestId('job-summary')).toHaveTextContent('Databases');
  });

  it('JobLogPage_NoEvents_ShowsEmptyState', async () => {
    const backend = new FakeBackend()
      .on('GET', '/executions/:id', ok(execution))
      .on('GET', '/drs/jobs/:jobId/logs', ok({ jobId: 'drsjob-7', accountId: spokeAccount, region: 'eu-west-1', items: [] }));
    show(backend);

    expect(await screen.findByText('No log events')).toBeInTheDocument();
  });

  it('JobLogPage_LogUnreadable_ShowsCodeAndMessage', async () => {
    const backend = new FakeBackend()
      .on('GET', '/executions/:id', ok(execution))
      .on('GET', '/drs/jobs/:jobId/logs', fail(404, 'DRS_JOB_NOT_FOUND', 'DRS has no job drsjob-7.'));
    show(backend);

    expect(await screen.findByTestId('job-log-error')).toHaveTextContent('DRS_JOB_NOT_FOUND: DRS has no job drsjob-7.');
  });

  it('JobLogPage_JobNotInExecution_SaysSoWithoutAskingDrs', async () => {
    const backend = new FakeBackend().on('GET', '/executions/:id', ok(execution));
    show(backend, 'drsjob-other');

    expect(await screen.findByText('Job drsjob-other is not a DRS job of this execution')).toBeInTheDocument();
    expect(backend.calls.filter((c) => c.path.startsWith('/drs/'))).toHaveLength(0);
  });

  it('inTimeOrder_MixedOffsetsAndMissingTimes_OldestFirstMissingLastStable', () => {
    const rows = inTimeOrder([
      event('C', '2030-01-01T12:00:00+02:00'),
      event('NO_TIME', null),
      event('B', '2030-01-01T09:30:00Z'),
      event('A1', '2030-01-01T09:00:00Z'),
      event('A2', '2030-01-01T09:00:00Z'),
    ]);

    expect(rows.map((r) => r.event)).toEqual(['A1', 'A2', 'B', 'C', 'NO_TIME']);
  });
});
