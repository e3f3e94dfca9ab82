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
import type { TagSyncSettings } from '../../api/types';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { useFlash } from '../../app/flash';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { downloadJson } from '../../components/download';
import { formatDateTime } from '../../components/format';

export default function SettingsPage() {
  const { api, permissions } = useServices();
  const flash = useFlash();
  const action = useAction();
  const tagSync = useQuery('config:tag-sync', () => api.config.tagSync());
  const [edit, setEdit] = useState<Pick<TagSyncSettings, 'enabled' | 'intervalMinutes'> | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const reason = missingPermissionReason(permissions, Permissions.manageAccounts);
  const shown = edit ?? (tagSync.data ? { enabled: tagSync.data.enabled, intervalMinutes: tagSync.data.intervalMinutes } : null);

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
    const result = await action.run(() => api.config.importAll(document), undefined, 'Import failed');
    if (result) flash.success(`Imported ${result.protectionGroups} protection group(s), ${result.recoveryPlans} plan(s) and ${result.accounts} account(s).`);
    setFiles([]);
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
                  <Button disabled={!!reason} disabledReason={reason} data-testid="run-tag-sync" onClick={() => void action.run(() => api.config.runTagSync(), 'Tag sync started.').then(() => tagSync.reload())}>
                    Run now
                  </Button>
                  <Button
                    variant="primary"
                    disabled={!!reason || !shown}
                    disabledReason={reason}
                    data-testid="save-tag-sync"
                    onClick={() => shown && void action.run(() => api.config.putTagSync(shown), 'Tag sync settings saved.').then(() => { setEdit(null); tagSync.reload(); })}
                  >
                    Save
                  </Button>
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
              <FormField label="Interval (minutes)">
                <Input disabled={!!reason} type="number" value={String(shown.intervalMinutes)} ariaLabel="Tag sync interval in minutes" onChange={(e) => setEdit({ ...shown, intervalMinutes: Number(e.detail.value) })} />
              </FormField>
              <KeyValuePairs
                columns={2}
                items={[
                  { label: 'Last run', value: formatDateTime(tagSync.data?.lastRunAt) },
                  { label: 'Last result', value: tagSync.data?.lastResult ?? '-' },
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
            <FormField label="Import configuration" description="Existing items with the same names are updated.">
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
            <Button disabled={!!reason || files.length === 0} disabledReason={reason} loading={action.busy} data-testid="import-config" onClick={() => void importFile()}>
              Import
            </Button>
          </SpaceBetween>
        </Container>
      </SpaceBetween>
    </ContentLayout>
  );
}
