import { ApiError } from '../../api/ApiError';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { listAll } from '../../api/drsApi';
import type { AccountValidationResult, TargetAccount, TargetAccountInput } from '../../api/types';
import { errorText, fieldProblems, type FieldProblem } from '../../api/validation';
import { useFlash } from '../../app/flash';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { StatusBadge } from '../../components/StatusBadge';

/** Which step failed in which region: assuming the role, or reaching DRS with it. */
function validationText(result: AccountValidationResult): string {
  const failed = result.regions.filter((r) => !r.assumedRole || !r.drsReachable);
  if (failed.length === 0) return `Account ${result.accountId} is reachable in ${result.regions.map((r) => r.region).join(', ')}.`;
  return failed
    .map((r) => `${r.region}: ${!r.assumedRole ? 'AssumeRole failed' : 'DRS not reachable'}${r.errorCode ? ` (${r.errorCode}${r.errorMessage ? `: ${r.errorMessage}` : ''})` : ''}`)
    .join('; ');
}

const emptyAccount: TargetAccountInput = { accountId: '', name: '', roleArn: '', externalId: '', regions: [] };

export default function AccountsPage() {
  const { api, permissions } = useServices();
  const action = useAction();
  const [selected, setSelected] = useState<TargetAccount[]>([]);
  const [adding, setAdding] = useState<TargetAccountInput | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const flash = useFlash();
  const query = useQuery('accounts', () => listAll((p) => api.accounts.list(p)));
  const manageReason = missingPermissionReason(permissions, Permissions.manageAccounts);
  const target = selected[0];
  const validateReason = manageReason ?? (target ? undefined : 'Select an account first.');

  const add = async () => {
    if (!adding) return;
    setProblems([]);
    let failure: unknown;
    const created = await action.run(
      () =>
        api.accounts.create(adding).catch((error: unknown) => {
          failure = error;
          throw error;
        }),
      `Account ${adding.accountId} added.`,
      'The account was not added',
    );
    if (created) {
      setAdding(null);
      query.reload();
    } else setProblems(fieldProblems(failure));
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
        selectionType="single"
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
              <SpaceBetween direction="horizontal" size="xs">
                {permissions.has(Permissions.manageAccounts) && (
                  <Button disabled={!!validateReason} disabledReason={validateReason} loading={action.busy} data-testid="validate-account" onClick={() => void validate()}>
                    Validate
                  </Button>
                )}
                {permissions.has(Permissions.manageAccounts) && (
                  <Button variant="primary" disabled={!!manageReason} disabledReason={manageReason} data-testid="add-account" onClick={() => setAdding(emptyAccount)}>
                    Add account
                  </Button>
                )}
              </SpaceBetween>
            }
          >
            Target accounts
          </Header>
        }
        loading={query.loading}
        loadingText="Loading accounts"
        items={query.data ?? []}
        empty={<EmptyState title="No target accounts" subtitle="Add a spoke account to recover its servers." />}
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
      <ConfirmModal
        visible={adding !== null}
        header="Add target account"
        confirmText="Add account"
        busy={action.busy}
        testId="add-account-modal"
        confirmDisabled={!adding?.accountId || !adding.roleArn || !adding.externalId}
        onCancel={() => {
          setAdding(null);
          setProblems([]);
        }}
        onConfirm={() => void add()}
      >
        {adding && (
          <ColumnLayout columns={1}>
            <FormField label="Account ID" constraintText="12 digits" errorText={errorText(problems, 'accountId')}>
              <Input value={adding.accountId} ariaLabel="Account ID" onChange={(e) => setAdding({ ...adding, accountId: e.detail.value.trim() })} />
            </FormField>
            <FormField label="Name" errorText={errorText(problems, 'name')}>
              <Input value={adding.name} ariaLabel="Account name" onChange={(e) => setAdding({ ...adding, name: e.detail.value })} />
            </FormField>
            <FormField label="Role ARN" description="The cross-account role the spoke stack created." errorText={errorText(problems, 'roleArn')}>
              <Input value={adding.roleArn} ariaLabel="Role ARN" onChange={(e) => setAdding({ ...adding, roleArn: e.detail.value.trim() })} />
            </FormField>
            <FormField label="External ID" errorText={errorText(problems, 'externalId')}>
              <Input value={adding.externalId} ariaLabel="External ID" onChange={(e) => setAdding({ ...adding, externalId: e.detail.value })} />
            </FormField>
            <FormField label="Regions" constraintText="Comma-separated, e.g. us-east-1, us-west-2" errorText={errorText(problems, 'regions')}>
              <Input
                value={adding.regions.join(', ')}
                ariaLabel="Regions"
                onChange={(e) => setAdding({ ...adding, regions: e.detail.value.split(',').map((r) => r.trim()).filter(Boolean) })}
              />
            </FormField>
          </ColumnLayout>
        )}
      </ConfirmModal>
    </>
  );
}
