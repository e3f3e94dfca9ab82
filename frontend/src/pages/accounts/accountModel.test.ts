import { describe, expect, it } from 'vitest';
import { aTargetAccount } from '../../test/builders';
import { accountDraft, createInput, parseRegions, updateInput, validateAccount, type AccountDraft } from './accountModel';

const draft = (overrides: Partial<AccountDraft> = {}): AccountDraft => ({
  accountId: '444455556666',
  name: 'DR spoke',
  roleArn: 'arn:aws:iam::444455556666:role/path/Spoke',
  externalId: 'ext+=,.@:/_-1',
  regions: 'us-east-1, us-gov-west-1',
  ...overrides,
});
const codes = (d: AccountDraft) => validateAccount(d).map((p) => `${p.field}:${p.code}`);

describe('accountModel', () => {
  it('validateAccount_ValidDraft_NoProblem', () => {
    expect(validateAccount(draft())).toEqual([]);
  });

  it('validateAccount_EmptyDraft_EveryFieldMissing', () => {
    expect(codes({ accountId: '', name: ' ', roleArn: '', externalId: '', regions: ' , ' })).toEqual([
      'accountId:MISSING_FIELD',
      'name:MISSING_FIELD',
      'roleArn:MISSING_FIELD',
      'externalId:MISSING_FIELD',
      'regions:MISSING_FIELD',
    ]);
  });

  it.each([
    [{ accountId: '44445555666' }, 'accountId:INVALID_ACCOUNT'],
    [{ name: 'n'.repeat(129) }, 'name:INVALID_FIELD'],
    [{ roleArn: 'arn:aws:iam::444455556666:user/Spoke' }, 'roleArn:INVALID_ROLE_ARN'],
    [{ roleArn: `arn:aws:iam::444455556666:role/${'r'.repeat(65)}` }, 'roleArn:INVALID_ROLE_ARN'],
    [{ roleArn: 'arn:aws:iam::111122223333:role/Spoke' }, 'roleArn:ROLE_ACCOUNT_MISMATCH'],
    [{ externalId: 'x' }, 'externalId:INVALID_FIELD'],
    [{ externalId: 'has space' }, 'externalId:INVALID_FIELD'],
    [{ externalId: 'e'.repeat(1225) }, 'externalId:INVALID_FIELD'],
    [{ regions: 'us-east-1, Mars-1' }, 'regions[1]:INVALID_REGION'],
    [{ regions: Array.from({ length: 41 }, (_, i) => `us-east-${i % 99}`).join(',') }, 'regions:LIMIT_EXCEEDED'],
  ])('validateAccount_BrokenField_SameCodeAsServer (%o)', (overrides, expected) => {
    expect(codes(draft(overrides))).toEqual([expected]);
  });

  it('validateAccount_LimitsInclusive_Accepted', () => {
    expect(validateAccount(draft({ name: 'n'.repeat(128), externalId: 'e'.repeat(1224), regions: Array.from({ length: 40 }, () => 'us-east-1').join(',') }))).toEqual([]);
  });

  it('updateInput_Draft_SendsEditableFieldsAndVersionOnly', () => {
    const account = aTargetAccount({ version: 9 });
    expect(updateInput({ ...accountDraft(account), name: '  Renamed  ', regions: 'us-east-1,, eu-west-1 ' }, account.version)).toEqual({
      version: 9,
      name: 'Renamed',
      roleArn: account.roleArn,
      externalId: account.externalId,
      regions: ['us-east-1', 'eu-west-1'],
    });
  });

  it('createInput_Draft_TrimsIdentifiers', () => {
    expect(createInput(draft({ accountId: ' 444455556666 ', roleArn: ' arn:aws:iam::444455556666:role/Spoke ' }))).toMatchObject({ accountId: '444455556666', roleArn: 'arn:aws:iam::444455556666:role/Spoke' });
    expect(parseRegions('us-east-1, ')).toEqual(['us-east-1']);
  });
});
