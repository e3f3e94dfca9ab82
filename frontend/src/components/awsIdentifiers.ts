// Client-side mirror of the syntax rules in src/DrsOrchestrator.Domain/Common/AwsIdentifiers.cs, so a
// form can point at a bad field before the request is sent. The server stays the authority.

const accountIdPattern = /^[0-9]{12}$/;
/** Syntax, not membership: new regions appear without a release (as on the server). */
const regionPattern = /^[a-z]{2}(-[a-z]+)?-[a-z]+-[0-9]{1,2}$/;
const roleArnPattern = /^arn:aws(-cn|-us-gov|-iso|-iso-b)?:iam::([0-9]{12}):role\/([A-Za-z0-9+=,.@_-]+\/)*[A-Za-z0-9+=,.@_-]{1,64}$/;
const externalIdPattern = /^[A-Za-z0-9+=,.@:/_-]{2,1224}$/;

export const isAccountId = (value: string): boolean => accountIdPattern.test(value);

export const isRegion = (value: string): boolean => regionPattern.test(value);

export const isExternalId = (value: string): boolean => externalIdPattern.test(value);

/** The 12-digit account of an IAM role ARN, or null when the ARN is malformed. */
export function accountOfRoleArn(value: string): string | null {
  if (value.length > 2048) return null;
  const match = roleArnPattern.exec(value);
  return match ? (match[2] ?? null) : null;
}
