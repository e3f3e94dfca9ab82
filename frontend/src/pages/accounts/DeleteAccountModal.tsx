import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ApiError } from '../../api/ApiError';
import type { TargetAccount } from '../../api/types';
import { useServices } from '../../app/services';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useFormSubmit } from '../../components/useFormSubmit';

/** The protection groups an ACCOUNT_IN_USE refusal names (details.protectionGroupIds). */
function groupsUsing(error: ApiError): string[] {
  const details = error.details as { protectionGroupIds?: unknown } | null | undefined;
  const ids = details?.protectionGroupIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** DELETE /accounts/{id} after a confirmation that names the account; a refusal stays in the modal. */
export function DeleteAccountModal({ account, onDeleted, onClose }: { account: TargetAccount; onDeleted: () => void; onClose: () => void }) {
  const { api } = useServices();
  const remove = useFormSubmit();
  const inUse = remove.error?.code === 'ACCOUNT_IN_USE' ? groupsUsing(remove.error) : [];

  const confirm = async () => {
    // DELETE answers 204 with no body: success is "did not throw", not a returned value.
    const done = await remove.submit(async () => {
      await api.accounts.remove(account.accountId);
      return true;
    });
    if (done) onDeleted();
  };

  return (
    <ConfirmModal
      visible
      header="Delete target account"
      confirmText="Delete account"
      busy={remove.busy}
      testId="delete-account-modal"
      onCancel={onClose}
      onConfirm={() => void confirm()}
    >
      <SpaceBetween size="m">
        <Box data-testid="delete-account-question">
          Delete <strong>{account.name || account.accountId}</strong> ({account.accountId})? The orchestrator stops reaching this account. Nothing in the
          account itself is changed.
        </Box>
        {remove.error && (
          <ApiErrorAlert error={remove.error} header={remove.error.code === 'ACCOUNT_IN_USE' ? 'The account is still in use' : 'The account was not deleted'} testId="delete-account-error" />
        )}
        {inUse.length > 0 && (
          <Box data-testid="account-used-by">
            Used by protection group(s): {inUse.join(', ')}. Delete them or move them to another account first.
          </Box>
        )}
      </SpaceBetween>
    </ConfirmModal>
  );
}
