import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ApiError } from '../../api/ApiError';
import { listAll } from '../../api/drsApi';
import type { AccountValidationResult, TargetAccount } from '../../api/types';
import { useFlash } from '../../app/flash';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { StatusBadge } from '../../components/StatusBadge';
import { AccountFormModal } from './AccountFormModal';
import { DeleteAccountModal } from './DeleteAccountModal';

/** Which step failed in which region: assuming the role, or reaching DRS with it. */
function validationText(result: AccountValidationResult): string {
  const failed = result.regions.filter((r) => !r.assumedRole || !r.drsReachable);
  if (failed.length === 0) return `Account ${result.accountId} is reachable in ${result.regions.map((r) => r.region).join(', ')}.`;
  return failed
    .map((r) => `${r.region}: ${!r.assumedRole ? 'AssumeRole failed' : 'DRS not reachable'}${r.errorCode ? ` (${r.errorCode}${r.errorMessage ? `: ${r.errorMessage}` : ''})` : ''}`)
    .join('; ');
}

type Dialog = { kind: 'add' } | { kind: 'edit'; account: TargetAccount } | { kind: 'delete'; account: TargetAccount };

/**
 * Target accounts. Listing needs drs:ViewResources; add, edit, delete and validate need drs:ManageAccounts,
 * and a role without it sees the accounts with no action controls at all.
 */
export default function AccountsPage() {
  const { api, permissions } = useServices();
  const action = useAction();
  const flash = useFlash();
  const [selected, setSelected] = useState<TargetAccount[]>([]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const query = useQuery('accounts', () => listAll((p) => api.accounts.list(p)));
  const canManage = !missingPermissionReason(permissions, Permissions.manageAccounts);
  // The selection as stored now: after a reload the row object is a new one with a new version.
  const target = selected[0] ? (query.data?.find((a) => a.accountId === selected[0]!.accountId) ?? selected[0]) : undefined;
  const needsSelection = target ? undefined : 'Select an account first.';

  const close = () => setDialog(null);
  const saved = (account: TargetAccount, verb: string) => {
    flash.success(`Account ${account.name || account.accountId} (${account.accountId}) ${verb}.`);
    setSelected([account]);
    close();
    query.reload();
  };
  const deleted = (account: TargetAccount) => {
    flash.success(`Account ${account.name || account.accountId} (${account.accountId}) deleted.`);
    setSelected([]);
    close();
    query.reload();
  };
  const validate = async () => {
    if (!target) return;
    const result = await action.run(() => api.accounts.validate(target.accountId), undefined, 'Validation failed');
    if (!result) return;
    const text = validationText(result);
    if (result.valid) flash.success(text);
    else flash.error(new ApiError('ACCOUNT_INVALID', text, 200), `Account ${result.accountId} failed validation`);
    query.reload();
  };

  return (
    <>
      <Table<TargetAccount>
        data-testid="accounts-table"
        variant="full-page"
        selectionType={canManage ? 'single' : undefined}
        trackBy="accountId"
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        ariaLabels={{ itemSelectionLabel: (_, a) => `Select ${a.name}`, selectionGroupLabel: 'Target accounts' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.data ? `(${query.data.length})` : undefined}
            description="Spoke accounts reached with STS AssumeRole and an external ID."
            actions={
              canManage && (
                <SpaceBetween direction="horizontal" size="xs">
                  <Button disabled={!!needsSelection} disabledReason={needsSelection} loading={action.busy} data-testid="validate-account" onClick={() => void validate()}>
                    Validate
                  </Button>
                  <Button disabled={!!needsSelection} disabledReason={needsSelection} data-testid="edit-account" onClick={() => target && setDialog({ kind: 'edit', account: target })}>
                    Edit
                  </Button>
                  <Button disabled={!!needsSelection} disabledReason={needsSelection} data-testid="delete-account" onClick={() => target && setDialog({ kind: 'delete', account: target })}>
                    Delete
                  </Button>
                  <Button variant="primary" data-testid="add-account" onClick={() => setDialog({ kind: 'add' })}>
                    Add account
                  </Button>
                </SpaceBetween>
              )
            }
          >
            Target accounts
          </Header>
        }
        loading={query.loading && !query.data}
        loadingText="Loading accounts"
        items={query.data ?? []}
        empty={
          query.error ? (
            <EmptyState title="Accounts could not be loaded" subtitle={`${query.error.code}: ${query.error.message}`} action={<Button onClick={query.reload}>Retry</Button>} />
          ) : (
            <EmptyState
              title="No target accounts"
              subtitle="Add a spoke account to recover its servers."
              action={canManage ? <Button onClick={() => setDialog({ kind: 'add' })}>Add account</Button> : undefined}
            />
          )
        }
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (a) => a.name },
          { id: 'id', header: 'Account ID', cell: (a) => a.accountId },
          { id: 'role', header: 'Role', cell: (a) => a.roleArn },
          { id: 'regions', header: 'Regions', cell: (a) => a.regions.join(', ') || '-' },
          {
            id: 'status',
            header: 'Status',
            cell: (a) => <StatusBadge status={a.validation.state} label={a.validation.message ? `${a.validation.state}: ${a.validation.message}` : a.validation.state} />,
          },
          { id: 'validated', header: 'Last validated', cell: (a) => formatDateTime(a.validation.checkedAt) },
        ]}
      />
      {dialog?.kind === 'add' && <AccountFormModal onClose={close} onSaved={(a) => saved(a, 'added')} />}
      {dialog?.kind === 'edit' && <AccountFormModal account={dialog.account} onClose={close} onSaved={(a) => saved(a, 'saved')} />}
      {dialog?.kind === 'delete' && <DeleteAccountModal account={dialog.account} onClose={close} onDeleted={() => deleted(dialog.account)} />}
    </>
  );
}
