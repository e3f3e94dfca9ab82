import { useCallback, useState } from 'react';
import { toApiError, type ApiError } from '../api/ApiError';

export interface FormSubmit {
  busy: boolean;
  /** The last refusal, shown inside the form (not flashed) so it stays next to the fields it is about. */
  error: ApiError | null;
  clearError: () => void;
  submit: <T>(call: () => Promise<T>) => Promise<T | undefined>;
}

/** Sends a form and keeps its failure for the form to show; resolves undefined when the call failed. */
export function useFormSubmit(): FormSubmit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const clearError = useCallback(() => setError(null), []);
  const submit = useCallback(async <T,>(call: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await call();
    } catch (caught) {
      setError(toApiError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, clearError, submit };
}
