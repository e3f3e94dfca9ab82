import { useCallback, useState } from 'react';
import type { ApiError } from '../api/ApiError';
import { errorText, fieldProblems, type FieldProblem } from '../api/validation';
import { useFormSubmit } from './useFormSubmit';

export interface DraftForm<D> {
  draft: D;
  setDraft: (next: D) => void;
  /** The local problems once a save was attempted, then what the API refused: one list for the fields. */
  problems: FieldProblem[];
  fieldError: (field: string) => string | undefined;
  busy: boolean;
  /** The last refusal, for an ApiErrorAlert inside the form. */
  error: ApiError | null;
  /** Starts over from `next` (opening, cancelling, after a reload): no attempt, no refusal. */
  reset: (next: D) => void;
  /**
   * Marks the form attempted; with local problems nothing is sent and undefined is returned,
   * otherwise the call's result, or undefined when the API refused it (kept in `error`).
   */
  submit: <T>(call: () => Promise<T>) => Promise<T | undefined>;
}

/**
 * A draft edited in a form, validated locally before it is sent: local problems show only after the
 * first attempt, so an empty form does not open full of errors; the API's problems show at once.
 */
export function useDraftForm<D>(
  initial: D | (() => D),
  validate: (draft: D) => FieldProblem[],
  serverProblems: (error: unknown) => FieldProblem[] = fieldProblems,
): DraftForm<D> {
  const save = useFormSubmit();
  const { clearError, submit: send } = save;
  const [draft, setDraft] = useState<D>(initial);
  const [attempted, setAttempted] = useState(false);

  const local = validate(draft);
  const problems = [...(attempted ? local : []), ...serverProblems(save.error)];
  const invalid = local.length > 0;

  const reset = useCallback(
    (next: D) => {
      setDraft(next);
      setAttempted(false);
      clearError();
    },
    [clearError],
  );
  const submit = useCallback(
    async <T,>(call: () => Promise<T>): Promise<T | undefined> => {
      setAttempted(true);
      if (invalid) return undefined;
      return send(call);
    },
    [invalid, send],
  );

  return {
    draft,
    setDraft,
    problems,
    fieldError: (field: string) => errorText(problems, field),
    busy: save.busy,
    error: save.error,
    reset,
    submit,
  };
}
