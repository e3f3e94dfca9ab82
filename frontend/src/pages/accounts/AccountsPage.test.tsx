import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import { FakeBackend, fail, ok, page } from '../../test/FakeBackend';
import { aTargetAccount } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import AccountsPage from './AccountsPage';

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

  it('AccountsPage_AddRefused_ShowsFieldErrorsInModal', async () => {
    const b = new FakeBackend()
      .on('GET', '/accounts', page([]))
      .on('POST', '/accounts', fail(422, 'ROLE_ACCOUNT_MISMATCH', 'Target account is invalid.', { errors: [{ field: 'roleArn', code: 'ROLE_ACCOUNT_MISMATCH', message: 'roleArn belongs to account 999999999999, not 444455556666.' }] }));
    renderPage(<AccountsPage />, { backend: b });

    fireEvent.click(await screen.findByTestId('add-account'));
    fireEvent.change(screen.getByLabelText('Account ID'), { target: { value: '444455556666' } });
    fireEvent.change(screen.getByLabelText('Role ARN'), { target: { value: 'arn:aws:iam::999999999999:role/Spoke' } });
    fireEvent.change(screen.getByLabelText('External ID'), { target: { value: 'ext-1' } });
    fireEvent.click(screen.getByTestId('confirm-button'));

    expect(await screen.findByText('roleArn belongs to account 999999999999, not 444455556666.')).toBeInTheDocument();
  });
});
