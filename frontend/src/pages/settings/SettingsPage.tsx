import Checkbox from '@cloudscape-design/components/checkbox';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import FileUpload from '@cloudscape-design/components/file-upload';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Toggle from '@cloudscape-design/components/toggle';
import { useState } from 'react';
import type { ImportResult, TagSyncRun, TagSyncSettings } from '../../api/types';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { useFlash } from '../../app/flash';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { downloadJson } from '../../components/download';
import { formatDateTime } from '../../components/format';

function runText(run: TagSyncRun): string {
  const tagged = run.locations.reduce((n, l) => n + l.tagged, 0);
  const failed = run.locations.filter((l) => l.error !== null).map((l) => `${l.accountId}/${l.region}`);
  return `${run.succeeded ? 'Succeeded' : 'Failed'}: ${tagged} server(s) tagged in ${run.locations.length} location(s)${failed.length ? `; unreadable: ${failed.join(', ')}` : ''}.`;
}

function importText(r: ImportResult): string {
  const counts = `${r.protectionGroupsCreated} protection group(s), ${r.recoveryPlansCreated} plan(s) and ${r.accountsCreated} account(s)`;
  return r.dryRun ? `The document is valid: it would create ${counts}. Nothing was written.` : `Imported ${counts}.`;
}

export default function SettingsPage() {
  const { api, permissions } = useServices();
  const flash = useFlash();
  const action = useAction();
  const tagSync = useQuery('config:tag-sync', () => api.config.tagSync());
  const [edit, setEdit] = useState<TagSyncSettings | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [dryRun, setDryRun] = useState(false);
  const reason = missingPermissionReason(permissions, Permissions.manageAccounts);
  // Rules are kept as loaded and sent back unchanged; the console edits the schedule only.
  const shown = edit ?? tagSync.data?.settings ?? null;
  const version = tagSync.data?.version ?? 0;

  const importFile = async () => {
    const file = files[0];
    if (!file) return;
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      flash.error(new Error(`${file.name} is not valid JSON.`), 'Import failed');
      return;
    }
    const result = await action.run(() => api.config.importAll(document, dryRun), undefined, dryRun ? 'Validation failed' : 'Import failed');
    if (result) flash.success(importText(result));
    if (!dryRun) setFiles([]);
  };

  return (
    <ContentLayout header={<Header variant="h1">Settings</Header>}>
      <SpaceBetween size="l">
        <Container
          data-testid="tag-sync"
          header={
            <Header
              variant="h2"
              description="Copies EC2 instance tags onto their DRS source servers so tag-based groups stay current."
              actions={
                <SpaceBetween direction="horizontal" size="xs">
                  {!reason && (
                    <Button disabled={!!reason} disabledReason={reason} data-testid="run-tag-sync" onClick={() => void action.run(() => api.config.runTagSync()).then((run) => {
                        if (run) flash.success(runText(run));
                        tagSync.reload();
                      })}>
                      Run now
                    </Button>
                  )}
                  {!reason && (
                    <Button
                      variant="primary"
                      disabled={!!reason || !shown}
                      disabledReason={reason}
                      data-testid="save-tag-sync"
                      onClick={() => shown && void action.run(() => api.config.putTagSync(version, shown), 'Tag sync settings saved.').then((saved) => { if (saved) { setEdit(null); tagSync.reload(); } })}
                    >
                      Save
                    </Button>
                  )}
                </SpaceBetween>
              }
            >
              Tag synchronisation
            </Header>
          }
        >
          {shown ? (
            <SpaceBetween size="m">
              <Toggle disabled={!!reason} checked={shown.enabled} onChange={(e) => setEdit({ ...shown, enabled: e.detail.checked })}>
                Scheduled tag sync
              </Toggle>
              <FormField label="Interval (hours)">
                <Input disabled={!!reason} type="number" value={String(shown.intervalHours)} ariaLabel="Tag sync interval in hours" onChange={(e) => setEdit({ ...shown, intervalHours: Number(e.detail.value) })} />
              </FormField>
              <KeyValuePairs
                columns={3}
                items={[
                  { label: 'Rules', value: `${shown.rules.length} rule(s)` },
                  { label: 'Last run', value: formatDateTime(tagSync.data?.lastRun?.startedAt) },
                  { label: 'Last result', value: tagSync.data?.lastRun ? runText(tagSync.data.lastRun) : '-' },
                ]}
              />
            </SpaceBetween>
          ) : (
            <Box>{tagSync.loading ? 'Loading tag sync settings...' : 'Tag sync settings are unavailable.'}</Box>
          )}
        </Container>
        <Container header={<Header variant="h2" description="Protection groups, recovery plans and target accounts as one JSON document.">Export and import</Header>}>
          <SpaceBetween size="m">
            <Button
              iconName="download"
              data-testid="export-config"
              onClick={() => void action.run(async () => downloadJson('drs-orchestrator-config.json', await api.config.exportAll()), 'Configuration exported.')}
            >
              Export configuration
            </Button>
            <FormField label="Import configuration" description="Everything is validated before anything is written.">
              <FileUpload
                value={files}
                accept="application/json,.json"
                onChange={(e) => setFiles(e.detail.value)}
                i18nStrings={{
                  uploadButtonText: () => 'Choose file',
                  dropzoneText: () => 'Drop a JSON file',
                  removeFileAriaLabel: (i) => `Remove file ${i + 1}`,
                  limitShowFewer: 'Show fewer',
                  limitShowMore: 'Show more',
                  errorIconAriaLabel: 'Error',
                  warningIconAriaLabel: 'Warning',
                }}
              />
            </FormField>
            <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.detail.checked)} data-testid="import-dry-run">
              Validate only (dry run): check everything, write nothing
            </Checkbox>
            {!reason && (
              <Button disabled={!!reason || files.length === 0} disabledReason={reason} loading={action.busy} data-testid="import-config" onClick={() => void importFile()}>
                {dryRun ? 'Validate' : 'Import'}
              </Button>
            )}
          </SpaceBetween>
        </Container>
      </SpaceBetween>
    </ContentLayout>
  );
}
