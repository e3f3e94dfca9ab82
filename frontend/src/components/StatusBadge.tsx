import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';

const typeByStatus: Record<string, StatusIndicatorProps.Type> = {
  PENDING: 'pending',
  NOT_STARTED: 'pending',
  STARTING: 'in-progress',
  RUNNING: 'in-progress',
  LAUNCHING: 'in-progress',
  IN_PROGRESS: 'in-progress',
  CANCELLING: 'in-progress',
  PAUSED: 'stopped',
  COMPLETED: 'success',
  LAUNCHED: 'success',
  VALID: 'success',
  PASS: 'success',
  OK: 'success',
  CONTINUOUS: 'success',
  PARTIAL: 'warning',
  WARN: 'warning',
  WARNING: 'warning',
  UNVALIDATED: 'pending',
  INITIAL_SYNC: 'in-progress',
  RESCAN: 'in-progress',
  FAILED: 'error',
  FAIL: 'error',
  INVALID: 'error',
  CRITICAL: 'error',
  STALLED: 'error',
  DISCONNECTED: 'error',
  CANCELLED: 'stopped',
  SKIPPED: 'stopped',
  TERMINATED: 'stopped',
  UNKNOWN: 'warning',
  NEAR_LIMIT: 'warning',
  AT_LIMIT: 'error',
  STATIC: 'info',
  DEGRADED: 'warning',
  NOT_REQUESTED: 'stopped',
  REQUESTED: 'pending',
  SUFFICIENT: 'success',
  INSUFFICIENT: 'warning',
  UPDATED: 'success',
  UNCHANGED: 'stopped',
};

/** Renders a server-side UPPER_SNAKE status the way CloudScape shows states. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <StatusIndicator type={typeByStatus[status] ?? 'info'}>{label ?? status.replace(/_/g, ' ')}</StatusIndicator>;
}
