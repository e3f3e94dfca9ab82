import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import { useServices } from '../../app/services';
import { useQuery } from '../../app/useQuery';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { lastSavedText, SettingsEditForm } from './SettingsEditForm';
import { retentionDays, settingsDraft, settingsFromDraft, validateSettings, type SettingsDraft } from './settingsModel';
import { useVersionedSettings } from './useVersionedSettings';

const noDefaultRegion: SelectProps.Option = { value: '', label: 'No default', description: "The console preselects each account's first region." };

function RegionSelect({ value, onChange, invalid }: { value: string; onChange: (region: string) => void; invalid: boolean }) {
  const { api } = useServices();
  const regions = useQuery('config:regions', () => api.config.regions());
  const known = regions.data?.regions ?? [];
  // A stored region the list does not offer (a new or partition region) stays selectable.
  const names = value && !known.includes(value) ? [value, ...known] : known;
  const options: SelectProps.Option[] = [noDefaultRegion, ...names.map((r) => ({ value: r, label: r }))];
  return (
    <Select
      data-testid="settings-default-region"
      ariaLabel="Default region"
      invalid={invalid}
      filteringType="auto"
      statusType={regions.loading ? 'loading' : regions.error ? 'error' : 'finished'}
      loadingText="Loading regions"
      errorText={regions.error ? `${regions.error.code}: ${regions.error.message}` : undefined}
      options={options}
      selectedOption={options.find((o) => o.value === value) ?? noDefaultRegion}
      onChange={(e) => onChange(e.detail.selectedOption.value ?? '')}
    />
  );
}

/** GET/PUT /config/settings: every OrchestratorSettings field, saved with the version that was read. */
export function GeneralSettingsSection() {
  const { api, permissions } = useServices();
  const settings = useQuery('config:settings', () => api.config.settings());
  const editor = useVersionedSettings(settings, {
    toDraft: settingsDraft,
    validate: validateSettings,
    save: (version, d: SettingsDraft) => api.config.putSettings(version, settingsFromDraft(d)),
    savedMessage: 'Settings saved.',
  });
  const canEdit = !missingPermissionReason(permissions, Permissions.manageAccounts);
  const { view, draft, setDraft, fieldError } = editor;

  return (
    <Container
      data-testid="general-settings"
      header={
        <Header
          variant="h2"
          description="How long execution history is kept, the region the console preselects and where notifications go."
          actions={
            canEdit &&
            view &&
            !draft && (
              <Button data-testid="edit-settings" onClick={editor.edit}>
                Edit
              </Button>
            )
          }
        >
          General settings
        </Header>
      }
    >
      {!view ? (
        <Box data-testid="settings-unavailable">{settings.loading ? 'Loading settings...' : 'Settings are unavailable.'}</Box>
      ) : draft ? (
        <SettingsEditForm editor={editor} testIds={{ error: 'settings-error', cancel: 'cancel-settings', save: 'save-settings' }}>
          <FormField
            data-testid="retention-field"
            label="Execution history retention (days)"
            constraintText={`${retentionDays.min} to ${retentionDays.max} days. Finished executions expire after this.`}
            errorText={fieldError('executionHistoryRetentionDays')}
          >
            <Input
              type="number"
              inputMode="numeric"
              ariaLabel="Execution history retention in days"
              value={draft.executionHistoryRetentionDays}
              onChange={(e) => setDraft({ ...draft, executionHistoryRetentionDays: e.detail.value })}
            />
          </FormField>
          <FormField data-testid="default-region-field" label="Default region" description="The region the console preselects." errorText={fieldError('defaultRegion')}>
            <RegionSelect value={draft.defaultRegion} invalid={!!fieldError('defaultRegion')} onChange={(defaultRegion) => setDraft({ ...draft, defaultRegion })} />
          </FormField>
          <FormField
            data-testid="notification-email-field"
            label={
              <span>
                Notification e-mail <i>- optional</i>
              </span>
            }
            description="Where execution notifications go. Leave empty to send none."
            errorText={fieldError('notificationEmail')}
          >
            <Input
              type="email"
              ariaLabel="Notification e-mail"
              value={draft.notificationEmail}
              onChange={(e) => setDraft({ ...draft, notificationEmail: e.detail.value })}
            />
          </FormField>
        </SettingsEditForm>
      ) : (
        <KeyValuePairs
          data-testid="settings-values"
          columns={4}
          items={[
            { label: 'Execution history retention', value: `${view.settings.executionHistoryRetentionDays} days` },
            { label: 'Default region', value: view.settings.defaultRegion || "None: each account's first region" },
            { label: 'Notification e-mail', value: view.settings.notificationEmail || 'None: no notifications are sent' },
            { label: 'Last saved', value: lastSavedText(view) },
          ]}
        />
      )}
    </Container>
  );
}
