import { describe, expect, it } from 'vitest';
import { missingPermissionReason, parsePermissions, permissionsFor, Permissions, RoleGroups } from './permissions';

const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('permissionsFor', () => {
  it('permissionsFor_Admin_GrantsAllTwelve', () => {
    expect(permissionsFor([RoleGroups.admin]).size).toBe(12);
  });

  it.each([
    [RoleGroups.recoveryManager, ['drs:ExecuteDrill', 'drs:ExecuteRecovery', 'drs:ManageExecution', 'drs:TerminateInstances', 'drs:ViewResources']],
    [RoleGroups.planManager, ['drs:CreateProtectionGroup', 'drs:CreateRecoveryPlan', 'drs:UpdateProtectionGroup', 'drs:UpdateRecoveryPlan', 'drs:ViewResources']],
    [RoleGroups.operator, ['drs:ExecuteDrill', 'drs:ExecuteRecovery', 'drs:ViewResources']],
    [RoleGroups.drillOperator, ['drs:ExecuteDrill', 'drs:ViewResources']],
    [RoleGroups.readOnly, ['drs:ViewResources']],
  ])('permissionsFor_%s_MatchesBriefTable', (group, expected) => {
    expect(sorted(permissionsFor([group]))).toEqual(expected);
  });

  it('permissionsFor_TwoGroups_Union', () => {
    const granted = permissionsFor([RoleGroups.drillOperator, RoleGroups.planManager]);

    expect(granted.has(Permissions.executeDrill)).toBe(true);
    expect(granted.has(Permissions.createRecoveryPlan)).toBe(true);
    expect(granted.has(Permissions.executeRecovery)).toBe(false);
  });

  it('permissionsFor_UnknownOrNoGroup_GrantsNothing', () => {
    expect(permissionsFor(['Administrators']).size).toBe(0);
    expect(permissionsFor([]).size).toBe(0);
  });

  it('permissionsFor_PlanManager_CannotDelete', () => {
    // Deleting is an admin-only power in the brief's table.
    expect(permissionsFor([RoleGroups.planManager]).has(Permissions.deleteRecoveryPlan)).toBe(false);
  });
});

describe('parsePermissions', () => {
  it('parsePermissions_UnknownNames_Dropped', () => {
    expect(sorted(parsePermissions(['drs:ViewResources', 'drs:Fly', 'ViewResources']))).toEqual(['drs:ViewResources']);
  });
});

describe('missingPermissionReason', () => {
  it('missingPermissionReason_Granted_Undefined', () => {
    expect(missingPermissionReason(new Set([Permissions.viewResources]), Permissions.viewResources)).toBeUndefined();
  });

  it('missingPermissionReason_Missing_NamesPermission', () => {
    expect(missingPermissionReason(new Set(), Permissions.manageAccounts)).toBe('Your role does not grant drs:ManageAccounts.');
  });
});
