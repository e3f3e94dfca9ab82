import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TagSyncRule } from '../../api/types';
import { fail, ok } from '../../test/FakeBackend';
import { renderPage } from '../../test/renderPage';
import { aTagSyncRun, aTagSyncView, settingsBackend } from './settingsTestData';
import { TagSyncSection } from './TagSyncSection';

const put = (b: ReturnType<typeof settingsBackend>) => b.callsTo('PUT', '/config/tag-sync');
const change = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const savingBackend = () => settingsBackend().on('PUT', '/config/tag-sync', (req) => ok({ ...aTagSyncView(), ...(req.body as object), version: 4 }));

describe('TagSyncSection', () => {
  it('TagSync_Loaded_ShowsScheduleRulesAndLastRun', async () => {
    renderPage(<TagSyncSection />, { backend: settingsBackend() });

    expect(await screen.findByTestId('tag-sync-values')).toHaveTextContent('Every 6 hour(s)');
    expect(screen.getByTestId('tag-sync-rules')).toHaveTextContent('App=erp');
    expect(screen.getByTestId('tag-sync-rules')).toHaveTextContent('DrTier=gold');
    expect(screen.getByTestId('last-run')).toHaveTextContent('Succeeded: 12 server(s) tagged in 1 location(s).');
    expect(screen.getByTestId('last-run-locations')).toHaveTextContent('111122223333');
  });

  it('TagSync_EditSchedule_PutsSettingsWithVersion', async () => {
    const b = savingBackend();
    renderPage(<TagSyncSection />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-tag-sync'));
    change('Tag sync interval in hours', '12');
    fireEvent.click(screen.getByTestId('tag-sync-enabled').querySelector('input')!);
    fireEvent.click(screen.getByTestId('save-tag-sync'));

    await waitFor(() => expect(put(b)).toHaveLength(1));
    expect(put(b)[0]!.body).toEqual({
      version: 3,
      settings: { enabled: false, intervalHours: 12, rules: [{ match: [{ key: 'App', value: 'erp' }], apply: { DrTier: 'gold' } }] },
    });
    expect(await screen.findByText('Tag sync settings saved.')).toBeInTheDocument();
  });

  it('TagSync_AddRuleAndTags_SendsMatchListAndApplyObject', async () => {
    const b = savingBackend();
    const { wrapper } = renderPage(<TagSyncSection />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-tag-sync'));
    fireEvent.click(screen.getByTestId('add-rule'));
    change('Rule 2 match tag 1 key', 'Env');
    change('Rule 2 match tag 1 value', 'prod');
    wrapper.findAttributeEditor('[data-testid="rule-1-match"]')!.findAddButton().click();
    change('Rule 2 match tag 2 key', 'Team');
    change('Rule 2 apply tag 1 key', 'DrTier');
    change('Rule 2 apply tag 1 value', 'silver');
    wrapper.findAttributeEditor('[data-testid="rule-1-apply"]')!.findAddButton().click();
    change('Rule 2 apply tag 2 key', 'Backup');
    change('Rule 2 apply tag 2 value', 'daily');
    fireEvent.click(screen.getByTestId('save-tag-sync'));

    await waitFor(() => expect(put(b)).toHaveLength(1));
    expect(put(b)[0]!.body).toEqual({
      version: 3,
      settings: {
        enabled: true,
        intervalHours: 6,
        rules: [
          { match: [{ key: 'App', value: 'erp' }], apply: { DrTier: 'gold' } },
          { match: [{ key: 'Env', value: 'prod' }, { key: 'Team', value: '' }], apply: { DrTier: 'silver', Backup: 'daily' } },
        ],
      },
    });
  });

  it('TagSync_EditAndRemove_SendsWhatIsLeft', async () => {
    const rules: TagSyncRule[] = [
      { match: [{ key: 'App', value: 'erp' }], apply: { DrTier: 'gold', Owner: 'erp-team' } },
      { match: [{ key: 'App', value: 'crm' }], apply: { DrTier: 'bronze' } },
    ];
    const b = savingBackend().on('GET', '/config/tag-sync', ok(aTagSyncView({ settings: { enabled: true, intervalHours: 6, rules } })));
    const { wrapper } = renderPage(<TagSyncSection />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-tag-sync'));
    change('Rule 1 match tag 1 value', 'erp2');
    wrapper.findAttributeEditor('[data-testid="rule-0-apply"]')!.findRow(2)!.findRemoveButton()!.click();
    fireEvent.click(screen.getByTestId('remove-rule-1'));
    fireEvent.click(screen.getByTestId('save-tag-sync'));

    await waitFor(() => expect(put(b)).toHaveLength(1));
    expect(put(b)[0]!.body).toEqual({ version: 3, settings: { enabled: true, intervalHours: 6, rules: [{ match: [{ key: 'App', value: 'erp2' }], apply: { DrTier: 'gold' } }] } });
  });

  it('TagSync_RemoveAllRules_SendsEmptyList', async () => {
    const b = savingBackend();
    renderPage(<TagSyncSection />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-tag-sync'));
    fireEvent.click(screen.getByTestId('remove-rule-0'));
    expect(screen.getByText('No rules: a run changes nothing.')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('save-tag-sync'));

    await waitFor(() => expect(put(b)).toHaveLength(1));
    expect(put(b)[0]!.body).toMatchObject({ settings: { rules: [] } });
  });

  it('TagSync_InvalidInput_ShowsServerRulesAndSendsNothing', async () => {
    const b = savingBackend();
    const { wrapper } = renderPage(<TagSyncSection />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-tag-sync'));
    change('Tag sync interval in hours', '25');
    wrapper.findAttributeEditor('[data-testid="rule-0-match"]')!.findRow(1)!.findRemoveButton()!.click();
    change('Rule 1 apply tag 1 key', 'AWS:Name');
    fireEvent.click(screen.getByTestId('add-rule'));
    change('Rule 2 match tag 1 key', 'Env');
    change('Rule 2 apply tag 1 key', 'Tier');
    change('Rule 2 apply tag 1 value', 'x'.repeat(257));
    fireEvent.click(screen.getByTestId('save-tag-sync'));

    expect(await screen.findByText('intervalHours must be between 1 and 24.')).toBeInTheDocument();
    expect(screen.getByText('A rule needs at least one tag to match.')).toBeInTheDocument();
    expect(screen.getByText("Tag key 'AWS:Name' must be 1 to 128 characters and not under 'aws:'.")).toBeInTheDocument();
    expect(screen.getByText('A tag value is at most 256 characters.')).toBeInTheDocument();
    expect(put(b)).toHaveLength(0);
  });

  it('TagSync_DuplicateAppliedKey_RefusedBeforeSending', async () => {
    const b = savingBackend();
    const { wrapper } = renderPage(<TagSyncSection />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-tag-sync'));
    wrapper.findAttributeEditor('[data-testid="rule-0-apply"]')!.findAddButton().click();
    change('Rule 1 apply tag 2 key', 'DrTier');
    fireEvent.click(screen.getByTestId('save-tag-sync'));

    expect(await screen.findByText("Tag key 'DrTier' is applied twice in this rule.")).toBeInTheDocument();
    expect(put(b)).toHaveLength(0);
  });

  it('TagSync_ServerRefusesRule_ShowsCodeMessageOnTheRule', async () => {
    const b = settingsBackend().on(
      'PUT',
      '/config/tag-sync',
      fail(422, 'INVALID_TAG_CRITERIA', 'Tag sync settings is invalid: rules[0]: Tag key is reserved.', {
        errors: [{ field: 'rules[0]', code: 'INVALID_TAG_CRITERIA', message: 'Tag key is reserved.' }],
      }),
    );
    renderPage(<TagSyncSection />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-tag-sync'));
    fireEvent.click(screen.getByTestId('save-tag-sync'));

    expect(await screen.findByTestId('tag-sync-error')).toHaveTextContent('INVALID_TAG_CRITERIA: Tag sync settings is invalid: rules[0]: Tag key is reserved.');
    expect(screen.getByTestId('tag-sync-error')).toHaveTextContent('rules[0]: INVALID_TAG_CRITERIA: Tag key is reserved.');
    expect(screen.getByTestId('rule-0-error')).toHaveTextContent('Tag key is reserved.');
  });

  it('TagSync_BindingRefusesField_ShownAtTheField', async () => {
    const b = settingsBackend().on('PUT', '/config/tag-sync', fail(400, 'INVALID_FIELD', "Field '$.settings.intervalHours' must be a number.", { field: '$.settings.intervalHours', problem: 'must be a number.' }));
    const { wrapper } = renderPage(<TagSyncSection />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-tag-sync'));
    fireEvent.click(screen.getByTestId('save-tag-sync'));

    expect(await screen.findByTestId('tag-sync-error')).toHaveTextContent("INVALID_FIELD: Field '$.settings.intervalHours' must be a number.");
    expect(wrapper.findFormField('[data-testid="tag-sync-interval-field"]')!.findError()!.getElement()).toHaveTextContent("Field '$.settings.intervalHours' must be a number.");
  });

  it('TagSync_VersionConflict_ReloadThenSaveWithNewVersion', async () => {
    let reads = 0;
    const b = settingsBackend()
      .on('GET', '/config/tag-sync', () => ok(++reads === 1 ? aTagSyncView() : aTagSyncView({ version: 7, settings: { enabled: false, intervalHours: 2, rules: [] } })))
      .on('PUT', '/config/tag-sync', (req) =>
        (req.body as { version: number }).version === 3 ? fail(409, 'VERSION_CONFLICT', "Settings 'tag-sync' was changed by someone else.") : ok({ ...aTagSyncView(), ...(req.body as object) }),
      );
    renderPage(<TagSyncSection />, { backend: b });

    fireEvent.click(await screen.findByTestId('edit-tag-sync'));
    fireEvent.click(screen.getByTestId('save-tag-sync'));
    expect(await screen.findByTestId('tag-sync-error')).toHaveTextContent("VERSION_CONFLICT: Settings 'tag-sync' was changed by someone else.");
    fireEvent.click(screen.getByTestId('tag-sync-error-reload'));

    await waitFor(() => expect(screen.getByTestId('tag-sync-values')).toHaveTextContent('Off (interval 2 hour(s) when on)'));
    fireEvent.click(screen.getByTestId('edit-tag-sync'));
    fireEvent.click(screen.getByTestId('save-tag-sync'));
    await waitFor(() => expect(put(b)).toHaveLength(2));
    expect(put(b)[1]!.body).toEqual({ version: 7, settings: { enabled: false, intervalHours: 2, rules: [] } });
    expect(await screen.findByText('Tag sync settings saved.')).toBeInTheDocument();
  });

  it('TagSync_RunNow_ShowsTheRunResultPerLocation', async () => {
    const run = aTagSyncRun({
      succeeded: false,
      locations: [
        { accountId: '111122223333', region: 'us-east-1', scanned: 5, matched: 3, tagged: 2, failed: 1, error: null },
        { accountId: '444455556666', region: 'eu-west-1', scanned: 0, matched: 0, tagged: 0, failed: 0, error: 'AccessDenied' },
      ],
    });
    const b = settingsBackend().on('POST', '/config/tag-sync/run', ok(run));
    const { wrapper } = renderPage(<TagSyncSection />, { backend: b });

    fireEvent.click(await screen.findByTestId('run-tag-sync'));

    const result = await screen.findByTestId('tag-sync-run-result');
    expect(result).toHaveTextContent('Failed: 2 server(s) tagged in 2 location(s); unreadable: 444455556666/eu-west-1.');
    const rows = wrapper.findTable('[data-testid="run-result-locations"]')!;
    expect(rows.findRows()).toHaveLength(2);
    expect(rows.findBodyCell(2, 7)!.getElement()).toHaveTextContent('AccessDenied');
    expect(rows.findBodyCell(1, 6)!.getElement()).toHaveTextContent('1');
    await waitFor(() => expect(b.callsTo('GET', '/config/tag-sync')).toHaveLength(2));
  });

  it('TagSync_RunThrottled_FlashesCode', async () => {
    const b = settingsBackend().on('POST', '/config/tag-sync/run', fail(429, 'THROTTLED', 'Tag sync already running.'));
    renderPage(<TagSyncSection />, { backend: b });

    fireEvent.click(await screen.findByTestId('run-tag-sync'));

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('THROTTLED: Tag sync already running.');
    expect(screen.queryByTestId('tag-sync-run-result')).toBeNull();
  });

  it('TagSync_NeverRun_SaysSo', async () => {
    renderPage(<TagSyncSection />, { backend: settingsBackend().on('GET', '/config/tag-sync', ok(aTagSyncView({ lastRun: null }))) });

    expect(await screen.findByTestId('no-last-run')).toHaveTextContent('Tag sync has not run yet.');
  });

  it('TagSync_ScheduledRun_ShowsTriggerAndNextRun', async () => {
    const view = aTagSyncView({ lastRun: aTagSyncRun({ trigger: 'SCHEDULE', triggeredBy: 'schedule' }), nextRunDueAt: '2030-01-01T06:00:00Z' });
    renderPage(<TagSyncSection />, { backend: settingsBackend().on('GET', '/config/tag-sync', ok(view)) });

    expect(await screen.findByTestId('last-run')).toHaveTextContent('Schedule (schedule)');
    expect(screen.getByTestId('tag-sync-values')).toHaveTextContent('Next scheduled run');
    expect(screen.getByTestId('tag-sync-values')).toHaveTextContent(new Date('2030-01-01T06:00:00Z').toLocaleString());
  });

  it('TagSync_RunInProgress_ShowsRunningSince', async () => {
    const view = aTagSyncView({ runningSince: '2030-01-01T05:00:00Z' });
    renderPage(<TagSyncSection />, { backend: settingsBackend().on('GET', '/config/tag-sync', ok(view)) });

    expect(await screen.findByTestId('tag-sync-values')).toHaveTextContent(`Running since ${new Date('2030-01-01T05:00:00Z').toLocaleString()}`);
  });

  it('TagSync_Disabled_NoNextRun', async () => {
    const view = aTagSyncView({ settings: { enabled: false, intervalHours: 6, rules: [] }, nextRunDueAt: null });
    renderPage(<TagSyncSection />, { backend: settingsBackend().on('GET', '/config/tag-sync', ok(view)) });

    expect(await screen.findByTestId('tag-sync-values')).toHaveTextContent('None: scheduled sync is off');
  });
});
