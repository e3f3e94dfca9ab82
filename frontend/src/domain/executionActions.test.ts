import { describe, expect, it } from 'vitest';
import { permissionsFor, RoleGroups } from '../auth/permissions';
import { aServerRecord, aTermination, aWaveRecord, anExecution } from '../test/builders';
import { executeAction, executionActions } from './executionActions';

const manager = permissionsFor([RoleGroups.recoveryManager]);
const readOnly = permissionsFor([RoleGroups.readOnly]);
const launched = aWaveRecord({ status: 'COMPLETED', servers: [aServerRecord({ launchStatus: 'LAUNCHED', recoveryInstanceId: 'i-r1', ec2InstanceId: 'i-0abc' })] });

describe('executionActions', () => {
  it('executionActions_RunningAndManager_PauseAndCancelOnly', () => {
    const actions = executionActions(anExecution({ status: 'RUNNING' }), manager);

    expect(actions.pause.enabled).toBe(true);
    expect(actions.cancel.enabled).toBe(true);
    expect(actions.resume).toEqual({ enabled: false, reason: 'Only a paused execution can be resumed (this one is RUNNING).' });
    expect(actions.terminate).toEqual({ enabled: false, reason: 'Wait for the drill to end before terminating its instances.' });
  });

  it('executionActions_Paused_ResumeEnabledPauseDisabled', () => {
    const actions = executionActions(anExecution({ status: 'PAUSED' }), manager);

    expect(actions.resume.enabled).toBe(true);
    expect(actions.cancel.enabled).toBe(true);
    expect(actions.pause.enabled).toBe(false);
  });

  it('executionActions_ReadOnlyUser_EveryActionHiddenWithPermissionReason', () => {
    const actions = executionActions(anExecution({ status: 'PAUSED' }), readOnly);

    expect(actions.resume).toEqual({ enabled: false, reason: 'Your role does not grant drs:ManageExecution.', hidden: true });
    expect(actions.pause.hidden).toBe(true);
    expect(actions.cancel.reason).toBe('Your role does not grant drs:ManageExecution.');
    expect(actions.terminate.reason).toBe('Your role does not grant drs:TerminateInstances.');
  });

  it('executionActions_CompletedDrill_TerminateEnabled', () => {
    const actions = executionActions(anExecution({ status: 'COMPLETED', waves: [launched] }), manager);

    expect(actions.terminate.enabled).toBe(true);
    expect(actions.cancel.reason).toBe('The execution has already ended (COMPLETED).');
  });

  it('executionActions_CompletedRecovery_TerminateRefused', () => {
    const actions = executionActions(anExecution({ status: 'COMPLETED', type: 'RECOVERY' }), manager);

    expect(actions.terminate.enabled).toBe(false);
    expect(actions.terminate.reason).toContain('real recovery');
  });

  it('executionActions_InstancesAlreadyTerminated_TerminateDisabled', () => {
    const actions = executionActions(anExecution({ status: 'COMPLETED', waves: [launched], termination: aTermination({ status: 'COMPLETED' }) }), manager);

    expect(actions.terminate.reason).toBe('The drill instances have already been terminated.');
  });

  it('executionActions_TerminationUnderWay_TerminateDisabled', () => {
    const actions = executionActions(anExecution({ status: 'COMPLETED', waves: [launched], termination: aTermination({ status: 'IN_PROGRESS', jobIds: ['drsjob-t'] }) }), manager);

    expect(actions.terminate.reason).toBe('Termination of the drill instances is under way.');
  });

  it('executionActions_DrillLaunchedNothing_TerminateDisabled', () => {
    const failed = aWaveRecord({ status: 'FAILED', servers: [aServerRecord({ launchStatus: 'FAILED' })] });
    const actions = executionActions(anExecution({ status: 'FAILED', waves: [failed] }), manager);

    expect(actions.terminate.reason).toBe('The drill launched no recovery instances.');
  });

  it('executionActions_PauseAlreadyRequested_PauseDisabled', () => {
    const actions = executionActions(anExecution({ status: 'RUNNING', pauseRequested: true }), manager);

    expect(actions.pause.reason).toContain('already requested');
  });

  it('executionActions_Cancelling_CancelDisabledWithReason', () => {
    const actions = executionActions(anExecution({ status: 'CANCELLING' }), manager);

    expect(actions.cancel.reason).toBe('The execution is already being cancelled.');
  });
});

describe('executeAction', () => {
  it('executeAction_DrillOperatorAsksForRecovery_Refused', () => {
    const state = executeAction('RECOVERY', permissionsFor([RoleGroups.drillOperator]), false);

    expect(state).toEqual({ enabled: false, reason: 'Your role does not grant drs:ExecuteRecovery.', hidden: true });
  });

  it('executeAction_DrillOperatorAsksForDrill_Allowed', () => {
    expect(executeAction('DRILL', permissionsFor([RoleGroups.drillOperator]), false).enabled).toBe(true);
  });

  it('executeAction_RecoveryPermissionImpliesDrill_Allowed', () => {
    // drs:ExecuteRecovery allows drills and recoveries (BRIEF section 5).
    expect(executeAction('DRILL', new Set(['drs:ExecuteRecovery'] as const), false).enabled).toBe(true);
  });

  it('executeAction_PlanAlreadyRunning_RefusedWithReason', () => {
    expect(executeAction('DRILL', permissionsFor([RoleGroups.operator]), true).reason).toBe('The plan already has an active execution.');
  });

  it('executeAction_PlanManager_RefusedWithPermissionReason', () => {
    expect(executeAction('DRILL', permissionsFor([RoleGroups.planManager]), false).reason).toBe('Your role does not grant drs:ExecuteDrill.');
  });
});
