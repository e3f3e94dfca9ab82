import Box from '@cloudscape-design/components/box';
import Button, { type ButtonProps } from '@cloudscape-design/components/button';
import type { ActionState } from '../domain/executionActions';

/**
 * A button that is disabled with a visible reason (state or permission) rather than hidden, so an
 * operator knows why an action is unavailable.
 */
export function GuardedButton({ state, children, ...rest }: Omit<ButtonProps, 'disabled' | 'disabledReason'> & { state: ActionState; children: string }) {
  return (
    <Button {...rest} disabled={!state.enabled} disabledReason={state.reason}>
      {children}
    </Button>
  );
}

/** The reasons of disabled actions, as visible text next to a button group (tooltips are hover-only). */
export function DisabledReasons({ states }: { states: Record<string, ActionState> }) {
  const reasons = Object.entries(states).filter(([, s]) => !s.enabled && s.reason);
  if (reasons.length === 0) return null;
  return (
    <Box variant="small" color="text-body-secondary" data-testid="disabled-reasons">
      {reasons.map(([name, s]) => (
        <div key={name} data-testid={`reason-${name}`}>
          {name}: {s.reason}
        </div>
      ))}
    </Box>
  );
}
