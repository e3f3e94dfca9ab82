import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FileUpload from '@cloudscape-design/components/file-upload';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import type { ImportResult } from '../../api/types';
import { useFlash } from '../../app/flash';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { downloadJson } from '../../components/download';

function importText(r: ImportResult): string {
  const counts = `${r.protectionGroupsCreated} protection group(s), ${r.recoveryPlansCreated} plan(s) and ${r.accountsCreated} account(s)`;
  return r.dryRun ? `The document is valid: it would create ${counts}. Nothing was written.` : `Imported ${counts}.`;
}

/** GET /config/export and POST /config/import; both need drs:ManageAccounts, so the page mounts this only then. */
export function TransferSection({ onImported }: { onImported: () => void }) {
  const { api } = useServices();
  const flash = useFlash();
  const action = useAction();
  const [files, setFiles] = useState<File[]>([]);
  const [dryRun, setDryRun] = useState(false);

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
    if (result && !dryRun) {
      setFiles([]);
      onImported();
    }
  };

  return (
    <Container
      data-testid="config-transfer"
      header={<Header variant="h2" description="Settings, tag sync, target accounts, protection groups and recovery plans as one JSON document.">Export and import</Header>}
    >
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
        <Button disabled={files.length === 0} disabledReason="Choose a JSON file first." loading={action.busy} data-testid="import-config" onClick={() => void importFile()}>
          {dryRun ? 'Validate' : 'Import'}
        </Button>
      </SpaceBetween>
    </Container>
  );
}
