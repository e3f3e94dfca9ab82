import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import { toApiError } from '../api/ApiError';
import { FlashContext, type FlashApi } from './flash';

let sequence = 0;

export function FlashProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<FlashbarProps.MessageDefinition[]>([]);

  const dismiss = useCallback((id: string) => setItems((current) => current.filter((i) => i.id !== id)), []);

  const push = useCallback(
    (item: Omit<FlashbarProps.MessageDefinition, 'id' | 'onDismiss' | 'dismissible'>, id?: string) => {
      const key = id ?? `flash-${++sequence}`;
      const message: FlashbarProps.MessageDefinition = {
        ...item,
        id: key,
        dismissible: true,
        dismissLabel: 'Dismiss message',
        onDismiss: () => dismiss(key),
      };
      setItems((current) => [message, ...current.filter((i) => i.id !== key)]);
    },
    [dismiss],
  );

  const api = useMemo<FlashApi>(
    () => ({
      items,
      dismiss,
      error: (error, header, id) => {
        const e = toApiError(error);
        push(
          {
            type: 'error',
            header: header ?? 'Request failed',
            content: (
              <span data-testid="flash-error">
                <strong>{e.code}</strong>: {e.message}
                {e.requestId ? ` (request ${e.requestId})` : ''}
              </span>
            ),
          },
          id,
        );
      },
      success: (message, id) => push({ type: 'success', content: message }, id),
      info: (message, id) => push({ type: 'info', content: message }, id),
    }),
    [items, dismiss, push],
  );

  return <FlashContext.Provider value={api}>{children}</FlashContext.Provider>;
}
