import Box from '@cloudscape-design/components/box';
import Button, { type ButtonProps } from '@cloudscape-design/components/button';
import type { ActionState } from '../domain/executionActions';

/**
 * A button that is hidden when the role never grants the action, and otherwise disabled with a
 * visible reason while the state forbids it, so an operator knows why it is unavailable.
 */
export function GuardedButton({ state, children, ...rest }: Omit<ButtonProps, 'disabled' | 'disabledReason'> & { state: ActionState; children: string }) {
  if (state.hidden) return null;
  return (
    <Button {...rest} disabled={!state.enabled} disabledReason={state.reason}>
      {children}
    </Button>
  );
}

/** The reasons of disabled actions, as visible text next to a button group (tooltips are hover-only). */
export function DisabledReasons({ states }: { states: Record<string, ActionState> }) {
  const reasons = Object.entries(states).filter(([, s]) => !s.enabled && !s.hidden && s.reason);
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
