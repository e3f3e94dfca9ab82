import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/ApiError';
import { useFlash } from './flash';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

export interface QueryOptions<T> {
  /** Poll every pollMs while keepPolling(data) holds (e.g. while an execution is active). */
  pollMs?: number;
  keepPolling?: (data: T) => boolean;
  /** Do not flash errors (the page shows them inline instead). */
  quiet?: boolean;
}

/**
 * Loads data for a page. `key` identifies what is loaded: a new key reloads, null waits. Errors are
 * flashed with their API code, under one id per key so polling never stacks duplicates.
 */
export function useQuery<T>(key: string | null, load: () => Promise<T>, options: QueryOptions<T> = {}): QueryState<T> {
  const { pollMs, quiet } = options;
  const flash = useFlash();
  const loadRef = useRef(load);
  const keepPollingRef = useRef(options.keepPolling);
  const flashRef = useRef(flash);
  useEffect(() => {
    loadRef.current = load;
    keepPollingRef.current = options.keepPolling;
    flashRef.current = flash;
  });

  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError; loading: boolean }>({
    key,
    loading: key !== null,
  });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (key === null) return undefined;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const run = async () => {
      try {
        const data = await loadRef.current();
        if (cancelled) return;
        setState({ key, data, loading: false });
        flashRef.current.dismiss(`query:${key}`);
        if (pollMs && keepPollingRef.current?.(data)) timer = setTimeout(() => void run(), pollMs);
      } catch (caught) {
        if (cancelled) return;
        const error = toApiError(caught);
        setState((s) => ({ key, data: s.key === key ? s.data : undefined, error, loading: false }));
        if (!quiet) flashRef.current.error(error, undefined, `query:${key}`);
        // A transient failure while following a live execution should not stop the page updating.
        if (pollMs && keepPollingRef.current) timer = setTimeout(() => void run(), pollMs);
      }
    };

    setState((s) => (s.key === key ? { ...s, loading: true } : { key, loading: true }));
    void run();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [key, generation, pollMs, quiet]);

  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== null && (!current || state.loading),
    reload,
  };
}
