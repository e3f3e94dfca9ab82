// Mirrors RolePermissions in src/DrsOrchestrator.Domain/Security: the server enforces, the console
// only hides or disables what the server would refuse.

export const Permissions = {
  createProtectionGroup: 'drs:CreateProtectionGroup',
  updateProtectionGroup: 'drs:UpdateProtectionGroup',
  deleteProtectionGroup: 'drs:DeleteProtectionGroup',
  createRecoveryPlan: 'drs:CreateRecoveryPlan',
  updateRecoveryPlan: 'drs:UpdateRecoveryPlan',
  deleteRecoveryPlan: 'drs:DeleteRecoveryPlan',
  executeRecovery: 'drs:ExecuteRecovery',
  executeDrill: 'drs:ExecuteDrill',
  manageExecution: 'drs:ManageExecution',
  terminateInstances: 'drs:TerminateInstances',
  viewResources: 'drs:ViewResources',
  manageAccounts: 'drs:ManageAccounts',
} as const;

export type Permission = (typeof Permissions)[keyof typeof Permissions];

export const RoleGroups = {
  admin: 'DRSOrchestrationAdmin',
  recoveryManager: 'DRSRecoveryManager',
  planManager: 'DRSPlanManager',
  operator: 'DRSOperator',
  drillOperator: 'DRSDrillOperator',
  readOnly: 'DRSReadOnly',
} as const;

const P = Permissions;
const allPermissions: readonly Permission[] = Object.values(Permissions);

const byGroup: Readonly<Record<string, readonly Permission[]>> = {
  [RoleGroups.admin]: allPermissions,
  [RoleGroups.recoveryManager]: [P.executeRecovery, P.executeDrill, P.manageExecution, P.terminateInstances, P.viewResources],
  [RoleGroups.planManager]: [
    P.createProtectionGroup,
    P.updateProtectionGroup,
    P.createRecoveryPlan,
    P.updateRecoveryPlan,
    P.viewResources,
  ],
  [RoleGroups.operator]: [P.executeRecovery, P.executeDrill, P.viewResources],
  [RoleGroups.drillOperator]: [P.executeDrill, P.viewResources],
  [RoleGroups.readOnly]: [P.viewResources],
};

/** The union of the permissions of every known group; unknown groups grant nothing. */
export function permissionsFor(groups: readonly string[]): ReadonlySet<Permission> {
  const result = new Set<Permission>();
  for (const group of groups) {
    for (const permission of byGroup[group] ?? []) result.add(permission);
  }
  return result;
}

const knownPermissions = new Set<string>(allPermissions);

/** Keeps only the permission names the console knows, e.g. from GET /users/profile. */
export function parsePermissions(names: readonly string[]): ReadonlySet<Permission> {
  return new Set(names.filter((n): n is Permission => knownPermissions.has(n)));
}

/** Why an action is unavailable to this user, or undefined when it is allowed. */
export function missingPermissionReason(granted: ReadonlySet<Permission>, ...required: Permission[]): string | undefined {
  const missing = required.find((p) => !granted.has(p));
  return missing ? `Your role does not grant ${missing}.` : undefined;
}
