import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok } from '../../test/FakeBackend';
import { renderPage } from '../../test/renderPage';
import SettingsPage from './SettingsPage';

const tagSync = { enabled: true, intervalMinutes: 60, lastRunAt: '2030-01-01T00:00:00Z', lastResult: '12 servers updated' };

describe('SettingsPage', () => {
  it('SettingsPage_TagSync_ShowsAndSavesSettings', async () => {
    const b = new FakeBackend().on('GET', '/config/tag-sync', ok(tagSync)).on('PUT', '/config/tag-sync', (req) => ok({ ...tagSync, ...(req.body as object) }));
    renderPage(<SettingsPage />, { backend: b });

    expect(await screen.findByText('12 servers updated')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Tag sync interval in minutes'), { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('save-tag-sync'));

    await waitFor(() => expect(b.callsTo('PUT', '/config/tag-sync')).toHaveLength(1));
    expect(b.callsTo('PUT', '/config/tag-sync')[0]!.body).toEqual({ enabled: true, intervalMinutes: 30 });
  });

  it('SettingsPage_RunTagSyncThrottled_FlashesCode', async () => {
    const b = new FakeBackend().on('GET', '/config/tag-sync', ok(tagSync)).on('POST', '/config/tag-sync/run', fail(429, 'THROTTLED', 'Tag sync already running.'));
    renderPage(<SettingsPage />, { backend: b });

    fireEvent.click(await screen.findByTestId('run-tag-sync'));

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('THROTTLED: Tag sync already running.');
  });

  it('SettingsPage_ReadOnly_ActionsDisabled', async () => {
    renderPage(<SettingsPage />, { groups: [RoleGroups.readOnly], backend: new FakeBackend().on('GET', '/config/tag-sync', ok(tagSync)) });

    expect(await screen.findByTestId('run-tag-sync')).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByTestId('import-config')).toHaveAttribute('aria-disabled', 'true');
  });
});
