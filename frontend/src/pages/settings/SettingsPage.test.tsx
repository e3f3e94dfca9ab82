import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok } from '../../test/FakeBackend';
import { renderPage } from '../../test/renderPage';
import SettingsPage from './SettingsPage';

const lastRun = {
  triggeredBy: 'admin@example.test',
  startedAt: '2030-01-01T00:00:00Z',
  endedAt: '2030-01-01T00:00:05Z',
  succeeded: true,
  locations: [{ accountId: '111122223333', region: 'us-east-1', scanned: 20, matched: 14, tagged: 12, failed: 0, error: null }],
};
const rules = [{ match: [{ key: 'App', value: 'erp' }], apply: { DrTier: 'gold' } }];
const tagSync = { settings: { enabled: true, intervalHours: 6, rules }, version: 3, updatedBy: 'admin@example.test', updatedAt: '2030-01-01T00:00:00Z', lastRun };

describe('SettingsPage', () => {
  it('SettingsPage_TagSync_ShowsAndSavesSettings', async () => {
    const b = new FakeBackend().on('GET', '/config/tag-sync', ok(tagSync)).on('PUT', '/config/tag-sync', (req) => ok({ ...tagSync, ...(req.body as object) }));
    renderPage(<SettingsPage />, { backend: b });

    expect(await screen.findByText('Succeeded: 12 server(s) tagged in 1 location(s).')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Tag sync interval in hours'), { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('save-tag-sync'));

    await waitFor(() => expect(b.callsTo('PUT', '/config/tag-sync')).toHaveLength(1));
    expect(b.callsTo('PUT', '/config/tag-sync')[0]!.body).toEqual({ version: 3, settings: { enabled: true, intervalHours: 12, rules } });
  });

  it('SettingsPage_RunTagSyncThrottled_FlashesCode', async () => {
    const b = new FakeBackend().on('GET', '/config/tag-sync', ok(tagSync)).on('POST', '/config/tag-sync/run', fail(429, 'THROTTLED', 'Tag sync already running.'));
    renderPage(<SettingsPage />, { backend: b });

    fireEvent.click(await screen.findByTestId('run-tag-sync'));

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('THROTTLED: Tag sync already running.');
  });

  it('SettingsPage_Unavailable_FlashesCodeAndSaysSo', async () => {
    renderPage(<SettingsPage />, { backend: new FakeBackend().on('GET', '/config/tag-sync', fail(500, 'INTERNAL_ERROR', 'Settings store unavailable.')) });

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('INTERNAL_ERROR: Settings store unavailable.');
    expect(screen.getByText('Tag sync settings are unavailable.')).toBeInTheDocument();
  });

  it('SettingsPage_ReadOnly_ActionsHidden', async () => {
    renderPage(<SettingsPage />, { groups: [RoleGroups.readOnly], backend: new FakeBackend().on('GET', '/config/tag-sync', ok(tagSync)) });

    expect(await screen.findByTestId('tag-sync')).toBeInTheDocument();
    for (const id of ['run-tag-sync', 'save-tag-sync', 'import-config']) expect(screen.queryByTestId(id)).toBeNull();
  });
});
