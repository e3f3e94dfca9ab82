import { useCallback, useState } from 'react';
import { useFlash } from './flash';

/** Runs a mutation, flashes its outcome and reports whether it is still running. */
export function useAction(): { busy: boolean; run: <T>(action: () => Promise<T>, success?: string, failureHeader?: string) => Promise<T | undefined> } {
  const flash = useFlash();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T,>(action: () => Promise<T>, success?: string, failureHeader?: string): Promise<T | undefined> => {
      setBusy(true);
      try {
        const result = await action();
        if (success) flash.success(success);
        return result;
      } catch (error) {
        flash.error(error, failureHeader);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [flash],
  );
  return { busy, run };
}
