import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../components/format';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { VersionedSettings, VersionedView } from './useVersionedSettings';

/** A settings section's edit form: the refusal (with Reload latest on a conflict), the fields, Cancel and Save. */
export function SettingsEditForm<V, D>({ editor, testIds, children }: { editor: VersionedSettings<V, D>; testIds: { error: string; cancel: string; save: string }; children: ReactNode }) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void editor.save();
      }}
    >
      <SpaceBetween size="m">
        {editor.error && <ApiErrorAlert error={editor.error} onReload={editor.reloadLatest} testId={testIds.error} />}
        {children}
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" formAction="none" data-testid={testIds.cancel} onClick={editor.close}>
              Cancel
            </Button>
            <Button variant="primary" loading={editor.busy} data-testid={testIds.save}>
              Save
            </Button>
          </SpaceBetween>
        </Box>
      </SpaceBetween>
    </form>
  );
}

/** "Last saved" of a settings document: version 0 means the defaults were never saved. */
export function lastSavedText(view: VersionedView<unknown>): string {
  return view.version === 0 ? 'Never: these are the defaults' : `${formatDateTime(view.updatedAt)} by ${view.updatedBy ?? '-'}`;
}
