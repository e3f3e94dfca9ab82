import type { TargetAccount, TargetAccountInput, TargetAccountUpdate } from '../../api/types';
import type { FieldProblem } from '../../api/validation';
import { accountOfRoleArn, isAccountId, isExternalId, isRegion } from '../../components/awsIdentifiers';

// Client-side mirror of TargetAccount.Validate and TargetAccountLimits (src/DrsOrchestrator.Domain/Accounts):
// same fields, codes, limits and messages.

export const maxAccountNameLength = 128;
export const maxAccountRegions = 40;

/** The form as typed: regions stay text so a half-typed "us-east-1, " is not rewritten under the cursor. */
export interface AccountDraft {
  accountId: string;
  name: string;
  roleArn: string;
  externalId: string;
  regions: string;
}

export const emptyAccountDraft: AccountDraft = { accountId: '', name: '', roleArn: '', externalId: '', regions: '' };

export function parseRegions(text: string): string[] {
  return text
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

export function accountDraft(a: TargetAccount): AccountDraft {
  return { accountId: a.accountId, name: a.name, roleArn: a.roleArn, externalId: a.externalId, regions: a.regions.join(', ') };
}

export function createInput(d: AccountDraft): TargetAccountInput {
  return { accountId: d.accountId.trim(), name: d.name.trim(), roleArn: d.roleArn.trim(), externalId: d.externalId, regions: parseRegions(d.regions) };
}

/** PUT /accounts/{id}: the account ID is the identity (in the path), everything else is replaced. */
export function updateInput(d: AccountDraft, version: number): TargetAccountUpdate {
  const { name, roleArn, externalId, regions } = createInput(d);
  return { version, name, roleArn, externalId, regions };
}

export function validateAccount(d: AccountDraft): FieldProblem[] {
  const input = createInput(d);
  const problems: FieldProblem[] = [];
  let accountValid = false;
  if (!input.accountId) problems.push({ field: 'accountId', code: 'MISSING_FIELD', message: 'accountId is required.' });
  else if (!isAccountId(input.accountId)) problems.push({ field: 'accountId', code: 'INVALID_ACCOUNT', message: 'accountId must be 12 digits.' });
  else accountValid = true;

  if (!input.name) problems.push({ field: 'name', code: 'MISSING_FIELD', message: 'name is required.' });
  else if (input.name.length > maxAccountNameLength) problems.push({ field: 'name', code: 'INVALID_FIELD', message: `name must be at most ${maxAccountNameLength} characters.` });

  const roleAccount = accountOfRoleArn(input.roleArn);
  if (!input.roleArn) problems.push({ field: 'roleArn', code: 'MISSING_FIELD', message: 'roleArn is required.' });
  else if (!roleAccount) problems.push({ field: 'roleArn', code: 'INVALID_ROLE_ARN', message: 'roleArn must look like arn:aws:iam::<12-digit account>:role/<name>.' });
  else if (accountValid && roleAccount !== input.accountId) {
    problems.push({ field: 'roleArn', code: 'ROLE_ACCOUNT_MISMATCH', message: `roleArn belongs to account ${roleAccount}, not ${input.accountId}.` });
  }

  if (!input.externalId) problems.push({ field: 'externalId', code: 'MISSING_FIELD', message: 'externalId is required.' });
  else if (!isExternalId(input.externalId)) {
    problems.push({ field: 'externalId', code: 'INVALID_FIELD', message: 'externalId must be 2–1224 characters of letters, digits and + = , . @ : / _ -.' });
  }

  if (input.regions.length === 0) problems.push({ field: 'regions', code: 'MISSING_FIELD', message: 'At least one region is required.' });
  else if (input.regions.length > maxAccountRegions) problems.push({ field: 'regions', code: 'LIMIT_EXCEEDED', message: `At most ${maxAccountRegions} regions are allowed.` });
  input.regions.forEach((r, i) => {
    if (!isRegion(r)) problems.push({ field: `regions[${i}]`, code: 'INVALID_REGION', message: `'${r}' is not an AWS region name.` });
  });
  return problems;
}
