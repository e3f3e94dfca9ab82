import Alert from '@cloudscape-design/components/alert';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useState } from 'react';
import type { TargetAccount } from '../../api/types';
import { useServices } from '../../app/services';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useDraftForm } from '../../components/useDraftForm';
import { useFormSubmit } from '../../components/useFormSubmit';
import { accountDraft, createInput, emptyAccountDraft, maxAccountNameLength, maxAccountRegions, updateInput, validateAccount, type AccountDraft } from './accountModel';

export interface AccountFormModalProps {
  /** The account to edit; absent to add one. */
  account?: TargetAccount;
  onSaved: (account: TargetAccount) => void;
  onClose: () => void;
}

/** POST /accounts or PUT /accounts/{id}. Mounted only while open, so every opening starts from the stored values. */
export function AccountFormModal({ account, onSaved, onClose }: AccountFormModalProps) {
  const { api } = useServices();
  const reload = useFormSubmit();
  const [current, setCurrent] = useState<TargetAccount | undefined>(account);
  const form = useDraftForm<AccountDraft>(() => (account ? accountDraft(account) : emptyAccountDraft), validateAccount);
  const { draft, setDraft, fieldError } = form;
  const editing = current !== undefined;
  const credentialsChanged = current !== undefined && (draft.roleArn.trim() !== current.roleArn || draft.externalId !== current.externalId);

  const submit = async () => {
    const saved = await form.submit(() => (current ? api.accounts.update(current.accountId, updateInput(draft, current.version)) : api.accounts.create(createInput(draft))));
    if (saved) onSaved(saved);
  };
  const reloadLatest = async () => {
    if (!current) return;
    const latest = await reload.submit(() => api.accounts.get(current.accountId));
    if (!latest) return;
    form.reset(accountDraft(latest));
    setCurrent(latest);
  };

  return (
    <ConfirmModal
      visible
      header={editing ? `Edit target account ${current.name || current.accountId}` : 'Add target account'}
      confirmText={editing ? 'Save changes' : 'Add account'}
      busy={form.busy}
      testId="account-form-modal"
      onCancel={onClose}
      onConfirm={() => void submit()}
    >
      <ColumnLayout columns={1}>
        {form.error && <ApiErrorAlert error={form.error} onReload={editing ? () => void reloadLatest() : undefined} testId="account-form-error" />}
        {reload.error && <ApiErrorAlert error={reload.error} header="The account could not be reloaded" testId="account-reload-error" />}
        <FormField
          label="Account ID"
          constraintText={editing ? 'The account ID identifies the account and cannot change; add a new account instead.' : '12 digits'}
          errorText={fieldError('accountId')}
        >
          <Input value={draft.accountId} readOnly={editing} ariaLabel="Account ID" onChange={(e) => setDraft({ ...draft, accountId: e.detail.value })} />
        </FormField>
        <FormField label="Name" constraintText={`At most ${maxAccountNameLength} characters.`} errorText={fieldError('name')}>
          <Input value={draft.name} ariaLabel="Account name" onChange={(e) => setDraft({ ...draft, name: e.detail.value })} />
        </FormField>
        <FormField label="Role ARN" description="The cross-account role the spoke stack created, in this account." errorText={fieldError('roleArn')}>
          <Input value={draft.roleArn} ariaLabel="Role ARN" onChange={(e) => setDraft({ ...draft, roleArn: e.detail.value })} />
        </FormField>
        <FormField data-testid="external-id-field" label="External ID" constraintText="2 to 1224 characters: letters, digits and + = , . @ : / _ -" errorText={fieldError('externalId')}>
          <Input value={draft.externalId} ariaLabel="External ID" onChange={(e) => setDraft({ ...draft, externalId: e.detail.value })} />
        </FormField>
        <FormField label="Regions" constraintText={`Comma-separated, e.g. us-east-1, us-west-2; at most ${maxAccountRegions}.`} errorText={fieldError('regions')}>
          <Input value={draft.regions} ariaLabel="Regions" onChange={(e) => setDraft({ ...draft, regions: e.detail.value })} />
        </FormField>
        {credentialsChanged && (
          <Alert type="info" data-testid="credentials-changed">
            A new role or external ID has not been tried yet: saving resets the account to UNVALIDATED. Validate it afterwards.
          </Alert>
        )}
      </ColumnLayout>
    </ConfirmModal>
  );
}
