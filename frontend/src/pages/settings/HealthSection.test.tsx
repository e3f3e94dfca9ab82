import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { fail, ok } from '../../test/FakeBackend';
import { renderPage } from '../../test/renderPage';
import { HealthSection } from './HealthSection';
import { aHealth, settingsBackend } from './settingsTestData';

describe('HealthSection', () => {
  it('HealthSection_Checks_ShowEachStatusAndMessage', async () => {
    const { wrapper } = renderPage(<HealthSection />, { backend: settingsBackend() });

    await waitFor(() => expect(wrapper.findTable('[data-testid="health-checks"]')!.findRows()).toHaveLength(2));
    const table = wrapper.findTable('[data-testid="health-checks"]')!;
    expect(table.findBodyCell(1, 1)!.getElement()).toHaveTextContent('Settings store');
    expect(table.findBodyCell(1, 2)!.getElement()).toHaveTextContent('OK');
    expect(table.findBodyCell(1, 3)!.getElement()).toHaveTextContent('The settings table answered.');
    expect(table.findBodyCell(2, 1)!.getElement()).toHaveTextContent('Target accounts');
    expect(table.findBodyCell(2, 2)!.getElement()).toHaveTextContent('DEGRADED');
    expect(table.findBodyCell(2, 3)!.getElement()).toHaveTextContent('1 of 2 account(s) failed their last validation: 444455556666.');
    expect(within(screen.getByTestId('config-health')).getAllByText('DEGRADED').length).toBe(2);
  });

  it('HealthSection_UnknownCheck_ShownByItsName', async () => {
    const b = settingsBackend().on('GET', '/config/health', ok(aHealth({ status: 'FAILED', checks: [{ name: 'stepFunctions', status: 'FAILED', detail: 'Timed out.', durationMs: 5000 }] })));
    renderPage(<HealthSection />, { backend: b });

    const checks = await screen.findByTestId('health-checks');
    await waitFor(() => expect(checks).toHaveTextContent('stepFunctions'));
    expect(checks).toHaveTextContent('Timed out.');
    expect(checks).toHaveTextContent('5000 ms');
  });

  it('HealthSection_Refresh_ReadsAgainAndShowsNewResult', async () => {
    let reads = 0;
    const b = settingsBackend().on('GET', '/config/health', () =>
      ok(++reads === 1 ? aHealth() : aHealth({ status: 'OK', checks: [{ name: 'database', status: 'OK', detail: 'The settings table answered again.', durationMs: 2 }] })),
    );
    renderPage(<HealthSection />, { groups: [RoleGroups.readOnly], backend: b });
    await waitFor(() => expect(screen.getByTestId('health-checks')).toHaveTextContent('Target accounts'));

    fireEvent.click(screen.getByTestId('refresh-health'));

    await waitFor(() => expect(screen.getByTestId('health-checks')).toHaveTextContent('The settings table answered again.'));
    expect(screen.getByTestId('health-checks')).not.toHaveTextContent('Target accounts');
    expect(b.callsTo('GET', '/config/health')).toHaveLength(2);
  });

  it('HealthSection_ReadFails_ShowsCodeInlineAndNoFlash', async () => {
    const b = settingsBackend().on('GET', '/config/health', fail(500, 'INTERNAL_ERROR', 'The health check crashed.'));
    renderPage(<HealthSection />, { backend: b });

    expect(await screen.findByTestId('health-error')).toHaveTextContent('INTERNAL_ERROR: The health check crashed.');
    expect(screen.queryByTestId('flash-error')).toBeNull();
  });

  it('HealthSection_NoChecks_EmptyState', async () => {
    renderPage(<HealthSection />, { backend: settingsBackend().on('GET', '/config/health', ok({ status: 'OK', checks: [] })) });

    expect(await screen.findByText('No checks reported')).toBeInTheDocument();
  });
});
