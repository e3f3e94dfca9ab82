import { fireEvent, screen, waitFor } from '@testing-library/react';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok, page } from '../../test/FakeBackend';
import { aTargetAccount } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import AccountsPage from './AccountsPage';

function fillAccount(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function selectFirstAccount(wrapper: ReturnType<typeof createWrapper>) {
  await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(1));
  wrapper.findTable()!.findRowSelectionArea(1)!.click();
}

describe('AccountsPage', () => {
  it('AccountsPage_Accounts_ListedWithValidationStatus', async () => {
    const backend = new FakeBackend().on('GET', '/accounts', page([aTargetAccount({ validation: { state: 'INVALID', message: 'AccessDenied', checkedAt: '2030-01-01T09:00:00Z' } })]));
    const { wrapper } = renderPage(<AccountsPage />, { backend });

    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(1));
    expect(wrapper.findTable()!.findBodyCell(1, 6)!.getElement()).toHaveTextContent('INVALID: AccessDenied');
  });

  it('AccountsPage_None_EmptyState', async () => {
    renderPage(<AccountsPage />, { backend: new FakeBackend().on('GET', '/accounts', page([])) });

    expect(await screen.findByText('No target accounts')).toBeInTheDocument();
  });

  it('AccountsPage_NotAdmin_AddAndValidateHidden', async () => {
    const account = aTargetAccount();
    renderPage(<AccountsPage />, { groups: [RoleGroups.recoveryManager], backend: new FakeBackend().on('GET', '/accounts', page([account])) });

    expect(await screen.findByText(account.accountId)).toBeInTheDocument();
    expect(screen.queryByTestId('add-account')).toBeNull();
    expect(screen.queryByTestId('validate-account')).toBeNull();
  });

  it('AccountsPage_AddAccount_PostsInput', async () => {
    const b = new FakeBackend().on('GET', '/accounts', page([])).on('POST', '/accounts', (req) => ok({ ...aTargetAccount(), ...(req.body as object) }, 201));
    renderPage(<AccountsPage />, { backend: b });

    fireEvent.click(await screen.findByTestId('add-account'));
    fireEvent.change(screen.getByLabelText('Account ID'), { target: { value: '444455556666' } });
    fireEvent.change(screen.getByLabelText('Account name'), { target: { value: 'DR spoke' } });
    fireEvent.change(screen.getByLabelText('Role ARN'), { target: { value: 'arn:aws:iam::444455556666:role/Spoke' } });
    fireEvent.change(screen.getByLabelText('External ID'), { target: { value: 'ext-1' } });
    fireEvent.change(screen.getByLabelText('Regions'), { target: { value: 'us-east-1, us-west-2' } });
    fireEvent.click(screen.getByTestId('confirm-button'));

    await waitFor(() => expect(b.callsTo('POST', '/accounts')).toHaveLength(1));
    expect(b.callsTo('POST', '/accounts')[0]!.body).toEqual({ accountId: '444455556666', name: 'DR spoke', roleArn: 'arn:aws:iam::444455556666:role/Spoke', externalId: 'ext-1', regions: ['us-east-1', 'us-west-2'] });
  });

  it('AccountsPage_ValidateFails_FlashesCode', async () => {
    const b = new FakeBackend().on('GET', '/accounts', page([aTargetAccount()])).on('POST', '/accounts/:id/validate', fail(403, 'ASSUME_ROLE_FAILED', 'AccessDenied for the role.'));
    const { wrapper } = renderPage(<AccountsPage />, { backend: b });
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(1));

    wrapper.findTable()!.findRowSelectionArea(1)!.click();
    fireEvent.click(screen.getByTestId('validate-account'));

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('ASSUME_ROLE_FAILED: AccessDenied for the role.');
  });

  it('AccountsPage_ValidationFindsNoAccess_ShowsWhichRegionAndStep', async () => {
    const result = {
      accountId: '111122223333',
      valid: false,
      regions: [
        { region: 'us-east-1', assumedRole: true, drsReachable: true, errorCode: null, errorMessage: null },
        { region: 'us-west-2', assumedRole: false, drsReachable: false, errorCode: 'AccessDenied', errorMessage: 'external id mismatch' },
      ],
      checkedAt: '2030-01-01T09:00:00Z',
      account: aTargetAccount(),
    };
    const b = new FakeBackend().on('GET', '/accounts', page([aTargetAccount()])).on('POST', '/accounts/:id/validate', ok(result));
    const { wrapper } = renderPage(<AccountsPage />, { backend: b });
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(1));

    wrapper.findTable()!.findRowSelectionArea(1)!.click();
    fireEvent.click(screen.getByTestId('validate-account'));

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('us-west-2: AssumeRole failed (AccessDenied: external id mismatch)');
    expect(screen.getByTestId('flash-error')).not.toHaveTextContent('us-east-1');
  });

  it('AccountsPage_AddRefused_ShowsCodeMessageAndFieldErrorInModal', async () => {
    const b = new FakeBackend()
      .on('GET', '/accounts', page([]))
      .on('POST', '/accounts', fail(422, 'INVALID_FIELD', 'Target account is invalid: externalId: externalId is already used by another hub.', { errors: [{ field: 'externalId', code: 'INVALID_FIELD', message: 'externalId is already used by another hub.' }] }));
    renderPage(<AccountsPage />, { backend: b });

    fireEvent.click(await screen.findByTestId('add-account'));
    fillAccount({ 'Account ID': '444455556666', 'Account name': 'DR spoke', 'Role ARN': 'arn:aws:iam::444455556666:role/Spoke', 'External ID': 'ext-1', Regions: 'us-east-1' });
    fireEvent.click(screen.getByTestId('confirm-button'));

    expect(await screen.findByTestId('account-form-error')).toHaveTextContent('INVALID_FIELD: Target account is invalid: externalId: externalId is already used by another hub.');
    // The modal is portalled to the document body, outside the page's container.
    expect(createWrapper().findFormField('[data-testid="external-id-field"]')!.findError()!.getElement()).toHaveTextContent('externalId is already used by another hub.');
    expect(screen.getByTestId('account-form-modal')).toBeInTheDocument();
  });

  it('AccountsPage_AddInvalid_ShowsServerRulesAndSendsNothing', async () => {
    const b = new FakeBackend().on('GET', '/accounts', page([]));
    renderPage(<AccountsPage />, { backend: b });

    fireEvent.click(await screen.findByTestId('add-account'));
    fillAccount({ 'Account ID': '444455556666', 'Role ARN': 'arn:aws:iam::999999999999:role/Spoke', 'External ID': 'x', Regions: 'us-east-1, US-WEST-2' });
    fireEvent.click(screen.getByTestId('confirm-button'));

    expect(await screen.findByText('roleArn belongs to account 999999999999, not 444455556666.')).toBeInTheDocument();
    expect(screen.getByText('name is required.')).toBeInTheDocument();
    expect(screen.getByText('externalId must be 2–1224 characters of letters, digits and + = , . @ : / _ -.')).toBeInTheDocument();
    expect(screen.getByText("'US-WEST-2' is not an AWS region name.")).toBeInTheDocument();
    expect(b.callsTo('POST', '/accounts')).toHaveLength(0);
  });

  it('AccountsPage_EditAccount_PutsEditableFieldsWithVersion', async () => {
    const account = aTargetAccount({ version: 3 });
    const b = new FakeBackend()
      .on('GET', '/accounts', page([account]))
      .on('PUT', '/accounts/:id', (req) => ok({ ...account, ...(req.body as object), version: 4 }));
    const { wrapper } = renderPage(<AccountsPage />, { backend: b });
    await selectFirstAccount(wrapper);

    fireEvent.click(screen.getByTestId('edit-account'));
    expect(screen.getByLabelText('Account ID')).toHaveValue(account.accountId);
    expect(screen.getByLabelText('Account ID')).toHaveAttribute('readonly');
    fillAccount({ 'Account name': 'Renamed spoke', 'External ID': 'ext-rotated', Regions: 'us-east-1, eu-west-1' });
    expect(screen.getByTestId('credentials-changed')).toHaveTextContent('UNVALIDATED');
    fireEvent.click(screen.getByTestId('confirm-button'));

    await waitFor(() => expect(b.callsTo('PUT', `/accounts/${account.accountId}`)).toHaveLength(1));
    expect(b.callsTo('PUT', `/accounts/${account.accountId}`)[0]!.body).toEqual({
      version: 3,
      name: 'Renamed spoke',
      roleArn: account.roleArn,
      externalId: 'ext-rotated',
      regions: ['us-east-1', 'eu-west-1'],
    });
    expect(await screen.findByText(`Account Renamed spoke (${account.accountId}) saved.`)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('account-form-modal')).toBeNull());
    expect(b.callsTo('GET', '/accounts')).toHaveLength(2);
  });

  it('AccountsPage_EditInvalid_ShowsMessagesAndSendsNothing', async () => {
    const account = aTargetAccount();
    const b = new FakeBackend().on('GET', '/accounts', page([account]));
    const { wrapper } = renderPage(<AccountsPage />, { backend: b });
    await selectFirstAccount(wrapper);

    fireEvent.click(screen.getByTestId('edit-account'));
    fillAccount({ 'Account name': 'n'.repeat(129), 'Role ARN': 'arn:aws:iam::999999999999:role/Other', Regions: '' });
    fireEvent.click(screen.getByTestId('confirm-button'));

    expect(await screen.findByText('name must be at most 128 characters.')).toBeInTheDocument();
    expect(screen.getByText(`roleArn belongs to account 999999999999, not ${account.accountId}.`)).toBeInTheDocument();
    expect(screen.getByText('At least one region is required.')).toBeInTheDocument();
    expect(b.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('AccountsPage_EditVersionConflict_ReloadLoadsLatestThenSaves', async () => {
    const account = aTargetAccount({ version: 1 });
    const latest = aTargetAccount({ version: 2, name: 'Renamed elsewhere', regions: ['us-west-2'] });
    const b = new FakeBackend()
      .on('GET', '/accounts', page([account]))
      .on('GET', '/accounts/:id', ok(latest))
      .on('PUT', '/accounts/:id', (req) =>
        (req.body as { version: number }).version === 1 ? fail(409, 'VERSION_CONFLICT', `Account ${account.accountId} was changed by someone else (version 2, expected 1).`) : ok({ ...latest, ...(req.body as object), version: 3 }),
      );
    const { wrapper } = renderPage(<AccountsPage />, { backend: b });
    await selectFirstAccount(wrapper);

    fireEvent.click(screen.getByTestId('edit-account'));
    fillAccount({ 'Account name': 'My rename' });
    fireEvent.click(screen.getByTestId('confirm-button'));
    expect(await screen.findByTestId('account-form-error')).toHaveTextContent(`VERSION_CONFLICT: Account ${account.accountId} was changed by someone else (version 2, expected 1).`);
    fireEvent.click(screen.getByTestId('account-form-error-reload'));

    await waitFor(() => expect(screen.getByLabelText('Account name')).toHaveValue('Renamed elsewhere'));
    expect(screen.getByLabelText('Regions')).toHaveValue('us-west-2');
    expect(screen.queryByTestId('account-form-error')).toBeNull();
    fireEvent.click(screen.getByTestId('confirm-button'));
    await waitFor(() => expect(b.callsTo('PUT', `/accounts/${account.accountId}`)).toHaveLength(2));
    expect(b.callsTo('PUT', `/accounts/${account.accountId}`)[1]!.body).toMatchObject({ version: 2, name: 'Renamed elsewhere', regions: ['us-west-2'] });
  });

  it('AccountsPage_Delete_ConfirmationNamesAccountThenDeletes', async () => {
    const account = aTargetAccount();
    const b = new FakeBackend().on('GET', '/accounts', page([account])).on('DELETE', '/accounts/:id', { status: 204 });
    const { wrapper } = renderPage(<AccountsPage />, { backend: b });
    await selectFirstAccount(wrapper);

    fireEvent.click(screen.getByTestId('delete-account'));
    expect(screen.getByTestId('delete-account-question')).toHaveTextContent(`Delete Production spoke (${account.accountId})?`);
    expect(b.callsTo('DELETE', `/accounts/${account.accountId}`)).toHaveLength(0);
    fireEvent.click(screen.getByTestId('confirm-button'));

    await waitFor(() => expect(b.callsTo('DELETE', `/accounts/${account.accountId}`)).toHaveLength(1));
    expect(await screen.findByText(`Account Production spoke (${account.accountId}) deleted.`)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('delete-account-modal')).toBeNull());
    expect(b.callsTo('GET', '/accounts')).toHaveLength(2);
  });

  it('AccountsPage_DeleteCancelled_SendsNothing', async () => {
    const b = new FakeBackend().on('GET', '/accounts', page([aTargetAccount()]));
    const { wrapper } = renderPage(<AccountsPage />, { backend: b });
    await selectFirstAccount(wrapper);

    fireEvent.click(screen.getByTestId('delete-account'));
    fireEvent.click(screen.getByText('Cancel'));

    await waitFor(() => expect(screen.queryByTestId('delete-account-modal')).toBeNull());
    expect(b.calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);
  });

  it('AccountsPage_DeleteInUse_ShowsCodeMessageAndGroups', async () => {
    const account = aTargetAccount();
    const message = `Account ${account.accountId} is used by 2 protection group(s); delete or move them first.`;
    const b = new FakeBackend()
      .on('GET', '/accounts', page([account]))
      .on('DELETE', '/accounts/:id', fail(409, 'ACCOUNT_IN_USE', message, { accountId: account.accountId, protectionGroupIds: ['pg-web', 'pg-db'] }));
    const { wrapper } = renderPage(<AccountsPage />, { backend: b });
    await selectFirstAccount(wrapper);

    fireEvent.click(screen.getByTestId('delete-account'));
    fireEvent.click(screen.getByTestId('confirm-button'));

    const error = await screen.findByTestId('delete-account-error');
    expect(error).toHaveTextContent(`ACCOUNT_IN_USE: ${message}`);
    expect(error).toHaveTextContent('The account is still in use');
    expect(screen.getByTestId('account-used-by')).toHaveTextContent('pg-web, pg-db');
    expect(screen.getByTestId('delete-account-modal')).toBeInTheDocument();
    expect(b.callsTo('GET', '/accounts')).toHaveLength(1);
  });

  it('AccountsPage_NothingSelected_RowActionsDisabled', async () => {
    const { wrapper } = renderPage(<AccountsPage />, { backend: new FakeBackend().on('GET', '/accounts', page([aTargetAccount()])) });
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(1));

    for (const id of ['validate-account', 'edit-account', 'delete-account']) {
      expect(wrapper.findButton(`[data-testid="${id}"]`)!.isDisabled()).toBe(true);
    }
  });

  it.each([RoleGroups.readOnly, RoleGroups.planManager, RoleGroups.operator])('AccountsPage_WithoutManageAccounts_SeesAccountsButNoControls (%s)', async (group) => {
    const account = aTargetAccount();
    const { wrapper } = renderPage(<AccountsPage />, { groups: [group], backend: new FakeBackend().on('GET', '/accounts', page([account])) });

    expect(await screen.findByText(account.roleArn)).toBeInTheDocument();
    for (const id of ['add-account', 'validate-account', 'edit-account', 'delete-account']) expect(screen.queryByTestId(id)).toBeNull();
    expect(wrapper.findTable()!.findRowSelectionArea(1)).toBeNull();
  });

  it('AccountsPage_ListFails_ShowsCodeAndRetry', async () => {
    let reads = 0;
    const b = new FakeBackend().on('GET', '/accounts', () => (++reads === 1 ? fail(500, 'INTERNAL_ERROR', 'Accounts table unavailable.') : page([aTargetAccount()])));
    const { wrapper } = renderPage(<AccountsPage />, { backend: b });

    expect(await screen.findByText('INTERNAL_ERROR: Accounts table unavailable.')).toBeInTheDocument();
    fireEvent.click(screen.getByText('Retry'));

    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(1));
  });
});
