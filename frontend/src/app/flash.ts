import { createContext, useContext } from 'react';
import type { FlashbarProps } from '@cloudscape-design/components/flashbar';

export interface FlashApi {
  /** Shows an API error with its code; an id replaces an earlier message with the same id. */
  error: (error: unknown, header?: string, id?: string) => void;
  success: (message: string, id?: string) => void;
  info: (message: string, id?: string) => void;
  dismiss: (id: string) => void;
  items: FlashbarProps.MessageDefinition[];
}

export const FlashContext = createContext<FlashApi | null>(null);

export function useFlash(): FlashApi {
  const flash = useContext(FlashContext);
  if (!flash) throw new Error('useFlash must be used inside FlashProvider.');
  return flash;
}
