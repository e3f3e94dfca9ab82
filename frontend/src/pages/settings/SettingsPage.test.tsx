import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { fail, ok } from '../../test/FakeBackend';
import { renderPage } from '../../test/renderPage';
import SettingsPage from './SettingsPage';
import { aSettingsView, settingsBackend } from './settingsTestData';

const retention = () => screen.getByLabelText('Execution history retention in days');
const email = () => screen.getByLabelText('Notification e-mail');

describe('SettingsPage', () => {
  it('SettingsPage_Loaded_ShowsEverySettingsField', async () => {
    renderPage(<SettingsPage />, { backend: settingsBackend() });

    const values = await screen.findByTestId('settings-values');
    expect(values).toHaveTextContent('30 days');
    expect(values).toHaveTextContent('us-east-1');
    expect(values).toHaveTextContent('dr-team@example.test');
    expect(values).toHaveTextContent('by admin@example.test');
  });

  it('SettingsPage_NeverSaved_SaysDefaults', async () => {
    const b = settingsBackend().on('GET', '/config/settings', ok(aSettingsView({ version: 0, updatedBy: null, updatedAt: null, settings: { executionHistoryRetentionDays: 365, defaultRegion: null, notificationEmail: null } })));
    renderPage(<SettingsPage />, { backend: b });

    const values = await screen.findByTestId('settings-values');
    expect(values).toHaveTextContent('Never: these are the defaults');
    expect(values).toHaveTextContent('None: no notifications are sent');
  });

  it('SettingsPage_EditAndSave_PutsEveryFieldWithVersion', async () => {
    const b = settingsBackend().on('PUT', '/config/settings', (req) => ok({ ...aSettingsView(), ...(req.body as object), version: 5 }));
    const { wrapper } = renderPage(<SettingsPage />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-settings'));
    fireEvent.change(retention(), { target: { value: '90' } });
    const region = wrapper.findSelect('[data-testid="settings-default-region"]')!;
    region.openDropdown();
    await waitFor(() => expect(region.findDropdown().findOptionByValue('us-west-2')).not.toBeNull());
    region.selectOptionByValue('us-west-2');
    fireEvent.change(email(), { target: { value: 'ops@example.test' } });
    fireEvent.click(screen.getByTestId('save-settings'));

    await waitFor(() => expect(b.callsTo('PUT', '/config/settings')).toHaveLength(1));
    expect(b.callsTo('PUT', '/config/settings')[0]!.body).toEqual({
      version: 4,
      settings: { executionHistoryRetentionDays: 90, defaultRegion: 'us-west-2', notificationEmail: 'ops@example.test' },
    });
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(screen.queryByTestId('save-settings')).toBeNull();
  });

  it('SettingsPage_OptionalFieldsCleared_SentAsNull', async () => {
    const b = settingsBackend().on('PUT', '/config/settings', (req) => ok({ ...aSettingsView(), ...(req.body as object) }));
    const { wrapper } = renderPage(<SettingsPage />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-settings'));
    const region = wrapper.findSelect('[data-testid="settings-default-region"]')!;
    region.openDropdown();
    region.selectOptionByValue('');
    fireEvent.change(email(), { target: { value: '  ' } });
    fireEvent.click(screen.getByTestId('save-settings'));

    await waitFor(() => expect(b.callsTo('PUT', '/config/settings')).toHaveLength(1));
    expect(b.callsTo('PUT', '/config/settings')[0]!.body).toEqual({ version: 4, settings: { executionHistoryRetentionDays: 30, defaultRegion: null, notificationEmail: null } });
  });

  it.each([
    ['0', 'executionHistoryRetentionDays must be between 1 and 3650.'],
    ['3651', 'executionHistoryRetentionDays must be between 1 and 3650.'],
    ['', 'executionHistoryRetentionDays must be between 1 and 3650.'],
  ])('SettingsPage_RetentionOutOfRange_ShowsLimitAndSendsNothing (%s)', async (value, message) => {
    const b = settingsBackend();
    renderPage(<SettingsPage />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-settings'));
    fireEvent.change(retention(), { target: { value } });
    fireEvent.click(screen.getByTestId('save-settings'));

    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(b.callsTo('PUT', '/config/settings')).toHaveLength(0);
  });

  it('SettingsPage_BadEmail_ShowsMessageAndSendsNothing', async () => {
    const b = settingsBackend();
    renderPage(<SettingsPage />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-settings'));
    fireEvent.change(email(), { target: { value: 'ops@@example.test' } });
    fireEvent.click(screen.getByTestId('save-settings'));

    expect(await screen.findByText('notificationEmail is not an e-mail address.')).toBeInTheDocument();
    expect(b.callsTo('PUT', '/config/settings')).toHaveLength(0);
  });

  it('SettingsPage_ServerRefuses_ShowsCodeMessageAndFieldError', async () => {
    const b = settingsBackend().on(
      'PUT',
      '/config/settings',
      fail(422, 'INVALID_REGION', "Settings is invalid: defaultRegion: 'us-east-1' is not allowed here.", {
        errors: [{ field: 'defaultRegion', code: 'INVALID_REGION', message: "'us-east-1' is not allowed here." }],
      }),
    );
    const { wrapper } = renderPage(<SettingsPage />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-settings'));
    fireEvent.click(screen.getByTestId('save-settings'));

    const alert = await screen.findByTestId('settings-error');
    expect(alert).toHaveTextContent("INVALID_REGION: Settings is invalid: defaultRegion: 'us-east-1' is not allowed here.");
    expect(alert).toHaveTextContent("defaultRegion: INVALID_REGION: 'us-east-1' is not allowed here.");
    expect(wrapper.findFormField('[data-testid="default-region-field"]')!.findError()!.getElement()).toHaveTextContent("'us-east-1' is not allowed here.");
  });

  it('SettingsPage_VersionConflict_ReloadShowsLatest', async () => {
    let reads = 0;
    const b = settingsBackend()
      .on('GET', '/config/settings', () => ok(++reads === 1 ? aSettingsView() : aSettingsView({ version: 5, settings: { executionHistoryRetentionDays: 45, defaultRegion: null, notificationEmail: null } })))
      .on('PUT', '/config/settings', fail(409, 'VERSION_CONFLICT', "Settings 'app-settings' was changed by someone else (version 5, expected 4)."));
    renderPage(<SettingsPage />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-settings'));
    fireEvent.change(retention(), { target: { value: '90' } });
    fireEvent.click(screen.getByTestId('save-settings'));
    const alert = await screen.findByTestId('settings-error');
    expect(alert).toHaveTextContent('VERSION_CONFLICT: Settings');
    fireEvent.click(screen.getByTestId('settings-error-reload'));

    await waitFor(() => expect(screen.getByTestId('settings-values')).toHaveTextContent('45 days'));
    expect(b.callsTo('GET', '/config/settings')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('edit-settings'));
    fireEvent.click(screen.getByTestId('save-settings'));
    await waitFor(() => expect(b.callsTo('PUT', '/config/settings')).toHaveLength(2));
    expect(b.callsTo('PUT', '/config/settings')[1]!.body).toMatchObject({ version: 5, settings: { executionHistoryRetentionDays: 45 } });
  });

  it('SettingsPage_Cancel_DiscardsEdits', async () => {
    const b = settingsBackend();
    renderPage(<SettingsPage />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-settings'));
    fireEvent.change(retention(), { target: { value: '90' } });
    fireEvent.click(screen.getByTestId('cancel-settings'));

    expect(screen.getByTestId('settings-values')).toHaveTextContent('30 days');
    expect(b.callsTo('PUT', '/config/settings')).toHaveLength(0);
  });

  it('SettingsPage_ReadOnly_SeesValuesWithoutControls', async () => {
    renderPage(<SettingsPage />, { groups: [RoleGroups.readOnly], backend: settingsBackend() });

    expect(await screen.findByTestId('settings-values')).toHaveTextContent('30 days');
    expect(await screen.findByTestId('tag-sync-values')).toHaveTextContent('Every 6 hour(s)');
    expect(screen.getByTestId('tag-sync-rules')).toHaveTextContent('App=erp');
    for (const id of ['edit-settings', 'edit-tag-sync', 'run-tag-sync', 'save-tag-sync', 'import-config', 'export-config', 'config-transfer']) {
      expect(screen.queryByTestId(id)).toBeNull();
    }
    expect(screen.getByTestId('refresh-health')).toBeInTheDocument();
  });

  it.each([RoleGroups.planManager, RoleGroups.recoveryManager, RoleGroups.operator])('SettingsPage_RoleWithoutManageAccounts_NoEditControls (%s)', async (group) => {
    renderPage(<SettingsPage />, { groups: [group], backend: settingsBackend() });

    expect(await screen.findByTestId('settings-values')).toBeInTheDocument();
    expect(screen.queryByTestId('edit-settings')).toBeNull();
    expect(screen.queryByTestId('config-transfer')).toBeNull();
  });

  it('SettingsPage_Unavailable_FlashesCodeAndSaysSo', async () => {
    const b = settingsBackend().on('GET', '/config/tag-sync', fail(500, 'INTERNAL_ERROR', 'Settings store unavailable.'));
    renderPage(<SettingsPage />, { backend: b });

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('INTERNAL_ERROR: Settings store unavailable.');
    expect(screen.getByText('Tag sync settings are unavailable.')).toBeInTheDocument();
    expect(screen.queryByTestId('edit-tag-sync')).toBeNull();
  });

  it('SettingsPage_SettingsUnavailable_SaysSoWithoutEdit', async () => {
    const b = settingsBackend().on('GET', '/config/settings', fail(500, 'INTERNAL_ERROR', 'Settings store unavailable.'));
    renderPage(<SettingsPage />, { backend: b });

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('INTERNAL_ERROR: Settings store unavailable.');
    expect(screen.getByTestId('settings-unavailable')).toHaveTextContent('Settings are unavailable.');
    expect(screen.queryByTestId('edit-settings')).toBeNull();
  });

  it('SettingsPage_Import_PostsDocumentAndReloadsSettings', async () => {
    const b = settingsBackend().on('POST', '/config/import', ok({ dryRun: false, accountsCreated: 1, protectionGroupsCreated: 2, recoveryPlansCreated: 3, settingsReplaced: true, tagSyncReplaced: true }));
    const { wrapper } = renderPage(<SettingsPage />, { backend: b });
    await screen.findByTestId('settings-values');

    const file = new File([JSON.stringify({ formatVersion: 1 })], 'config.json', { type: 'application/json' });
    fireEvent.change(wrapper.findFileUpload()!.findNativeInput().getElement(), { target: { files: [file] } });
    fireEvent.click(screen.getByTestId('import-config'));

    expect(await screen.findByText('Imported 2 protection group(s), 3 plan(s) and 1 account(s).')).toBeInTheDocument();
    expect(b.callsTo('POST', '/config/import')[0]!.body).toEqual({ formatVersion: 1 });
    await waitFor(() => expect(b.callsTo('GET', '/config/settings')).toHaveLength(2));
  });
});
