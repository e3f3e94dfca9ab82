import type { Execution, ExecutionStatus, ExecutionType } from '../api/types';
import { missingPermissionReason, Permissions, type Permission } from '../auth/permissions';

export interface ActionState {
  enabled: boolean;
  /** Why the action is disabled; shown next to the button. */
  reason?: string;
  /**
   * The role never grants this action, so the console hides it instead of disabling it; a disabled
   * button with a reason is kept for users who may act once the state allows it.
   */
  hidden?: boolean;
}

export interface ExecutionActions {
  pause: ActionState;
  resume: ActionState;
  cancel: ActionState;
  terminate: ActionState;
}

const activeStatuses: readonly ExecutionStatus[] = ['PENDING', 'RUNNING', 'PAUSED', 'CANCELLING'];
const terminalStatuses: readonly ExecutionStatus[] = ['COMPLETED', 'PARTIAL', 'FAILED', 'CANCELLED'];

export function isActive(status: ExecutionStatus): boolean {
  return activeStatuses.includes(status);
}

export function isTerminal(status: ExecutionStatus): boolean {
  return terminalStatuses.includes(status);
}

function decide(stateReason: string | undefined, granted: ReadonlySet<Permission>, permission: Permission): ActionState {
  // The permission wins: a user who may never do this should not be told to wait for a state.
  const permissionReason = missingPermissionReason(granted, permission);
  if (permissionReason) return { enabled: false, reason: permissionReason, hidden: true };
  return stateReason ? { enabled: false, reason: stateReason } : { enabled: true };
}

/** Recovery instances the run launched that DRS has not terminated yet. */
export function launchedInstances(execution: Pick<Execution, 'waves'>): number {
  return execution.waves.flatMap((w) => w.servers).filter((s) => s.recoveryInstanceId !== null && s.launchStatus !== 'TERMINATED').length;
}

/** Which operator actions an execution allows for this user, mirroring the server's state machine and RBAC. */
export function executionActions(
  execution: Pick<Execution, 'status' | 'type' | 'pauseRequested' | 'termination' | 'waves'>,
  granted: ReadonlySet<Permission>,
): ExecutionActions {
  const { status } = execution;
  const pauseReason =
    status !== 'RUNNING'
      ? `Only a running execution can be paused (this one is ${status}).`
      : execution.pauseRequested
        ? 'A pause is already requested; the execution pauses before its next wave.'
        : undefined;
  const resumeReason = status === 'PAUSED' ? undefined : `Only a paused execution can be resumed (this one is ${status}).`;
  const cancelReason =
    status === 'PENDING' || status === 'RUNNING' || status === 'PAUSED'
      ? undefined
      : status === 'CANCELLING'
        ? 'The execution is already being cancelled.'
        : `The execution has already ended (${status}).`;

  const termination = execution.termination.status;
  let terminateReason: string | undefined;
  if (execution.type !== 'DRILL') terminateReason = 'Recovery instances of a real recovery are not terminated from here.';
  else if (!isTerminal(status)) terminateReason = 'Wait for the drill to end before terminating its instances.';
  else if (termination === 'REQUESTED' || termination === 'IN_PROGRESS') terminateReason = 'Termination of the drill instances is under way.';
  else if (termination === 'COMPLETED') terminateReason = 'The drill instances have already been terminated.';
  else if (launchedInstances(execution) === 0) terminateReason = 'The drill launched no recovery instances.';

  return {
    pause: decide(pauseReason, granted, Permissions.manageExecution),
    resume: decide(resumeReason, granted, Permissions.manageExecution),
    cancel: decide(cancelReason, granted, Permissions.manageExecution),
    terminate: decide(terminateReason, granted, Permissions.terminateInstances),
  };
}

/** Whether this user may start an execution of the given type, and why not. */
export function executeAction(type: ExecutionType, granted: ReadonlySet<Permission>, activeExecution: boolean): ActionState {
  const permissionReason =
    type === 'RECOVERY'
      ? missingPermissionReason(granted, Permissions.executeRecovery)
      : granted.has(Permissions.executeDrill) || granted.has(Permissions.executeRecovery)
        ? undefined
        : `Your role does not grant ${Permissions.executeDrill}.`;
  if (permissionReason) return { enabled: false, reason: permissionReason, hidden: true };
  return activeExecution ? { enabled: false, reason: 'The plan already has an active execution.' } : { enabled: true };
}
