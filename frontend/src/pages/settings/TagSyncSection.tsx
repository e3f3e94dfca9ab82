import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Toggle from '@cloudscape-design/components/toggle';
import { useState } from 'react';
import type { TagSyncRule, TagSyncRun } from '../../api/types';
import { errorText } from '../../api/validation';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { formatDateTime, tagsText } from '../../components/format';
import { lastSavedText, SettingsEditForm } from './SettingsEditForm';
import { tagSyncDraft, tagSyncFromDraft, tagSyncIntervalHours, validateTagSync, type TagSyncDraft } from './settingsModel';
import { TagSyncRulesEditor } from './TagSyncRulesEditor';
import { runText, TagSyncRunDetails } from './TagSyncRunDetails';
import { useVersionedSettings } from './useVersionedSettings';

function RulesTable({ rules }: { rules: TagSyncRule[] }) {
  return (
    <Table<TagSyncRule>
      variant="embedded"
      data-testid="tag-sync-rules"
      items={rules}
      header={<Header variant="h3" counter={`(${rules.length})`}>Rules</Header>}
      empty="No rules: a run changes nothing."
      columnDefinitions={[
        { id: 'n', header: '#', cell: (r) => rules.indexOf(r) + 1 },
        { id: 'match', header: 'Servers with all of', cell: (r) => r.match.map((m) => `${m.key}=${m.value}`).join(', ') || '-' },
        { id: 'apply', header: 'Get the tags', cell: (r) => tagsText(r.apply) },
      ]}
    />
  );
}

/** GET/PUT /config/tag-sync and POST /config/tag-sync/run: schedule, rules, run now and the last run. */
export function TagSyncSection() {
  const { api, permissions } = useServices();
  const action = useAction();
  const tagSync = useQuery('config:tag-sync', () => api.config.tagSync());
  const editor = useVersionedSettings(tagSync, {
    toDraft: tagSyncDraft,
    validate: validateTagSync,
    save: (version, d: TagSyncDraft) => api.config.putTagSync(version, tagSyncFromDraft(d)),
    savedMessage: 'Tag sync settings saved.',
  });
  const [runResult, setRunResult] = useState<TagSyncRun | null>(null);
  const canManage = !missingPermissionReason(permissions, Permissions.manageAccounts);
  const { view, draft, setDraft, problems } = editor;

  const runNow = async () => {
    const run = await action.run(() => api.config.runTagSync(), undefined, 'Tag sync did not run');
    if (!run) return;
    setRunResult(run);
    tagSync.reload();
  };

  return (
    <Container
      data-testid="tag-sync"
      header={
        <Header
          variant="h2"
          description="Copies tags onto DRS source servers by rule, so tag-based protection groups stay current."
          actions={
            canManage && (
              <SpaceBetween direction="horizontal" size="xs">
                <Button data-testid="run-tag-sync" loading={action.busy} onClick={() => void runNow()}>
                  Run now
                </Button>
                {view && !draft && (
                  <Button data-testid="edit-tag-sync" onClick={editor.edit}>
                    Edit
                  </Button>
                )}
              </SpaceBetween>
            )
          }
        >
          Tag synchronisation
        </Header>
      }
    >
      <SpaceBetween size="l">
        {runResult && (
          <Alert
            type={runResult.succeeded ? 'success' : 'warning'}
            header={`Run finished: ${runText(runResult)}`}
            dismissible
            onDismiss={() => setRunResult(null)}
            data-testid="tag-sync-run-result"
          >
            <TagSyncRunDetails run={runResult} testId="run-result" />
          </Alert>
        )}
        {!view ? (
          <Box data-testid="tag-sync-unavailable">{tagSync.loading ? 'Loading tag sync settings...' : 'Tag sync settings are unavailable.'}</Box>
        ) : draft ? (
          <SettingsEditForm editor={editor} testIds={{ error: 'tag-sync-error', cancel: 'cancel-tag-sync', save: 'save-tag-sync' }}>
            <Toggle checked={draft.enabled} data-testid="tag-sync-enabled" onChange={(e) => setDraft({ ...draft, enabled: e.detail.checked })}>
              Run on a schedule
            </Toggle>
            <FormField
              data-testid="tag-sync-interval-field"
              label="Interval (hours)"
              constraintText={`${tagSyncIntervalHours.min} to ${tagSyncIntervalHours.max} hours between scheduled runs.`}
              errorText={errorText(problems, 'intervalHours')}
            >
              <Input
                type="number"
                inputMode="numeric"
                ariaLabel="Tag sync interval in hours"
                value={draft.intervalHours}
                onChange={(e) => setDraft({ ...draft, intervalHours: e.detail.value })}
              />
            </FormField>
            <TagSyncRulesEditor rules={draft.rules} problems={problems} onChange={(rules) => setDraft({ ...draft, rules })} />
          </SettingsEditForm>
        ) : (
          <SpaceBetween size="m">
            <KeyValuePairs
              data-testid="tag-sync-values"
              columns={4}
              items={[
                { label: 'Scheduled sync', value: view.settings.enabled ? `Every ${view.settings.intervalHours} hour(s)` : `Off (interval ${view.settings.intervalHours} hour(s) when on)` },
                { label: 'Rules', value: `${view.settings.rules.length} rule(s)` },
                { label: 'Last saved', value: lastSavedText(view) },
                { label: 'Next scheduled run', value: view.runningSince ? `Running since ${formatDateTime(view.runningSince)}` : view.nextRunDueAt ? formatDateTime(view.nextRunDueAt) : 'None: scheduled sync is off' },
              ]}
            />
            <RulesTable rules={view.settings.rules} />
          </SpaceBetween>
        )}
        {view && (
          <SpaceBetween size="s">
            <Header variant="h3">Last run</Header>
            {view.lastRun ? <TagSyncRunDetails run={view.lastRun} testId="last-run" /> : <Box data-testid="no-last-run">Tag sync has not run yet.</Box>}
          </SpaceBetween>
        )}
      </SpaceBetween>
    </Container>
  );
}
