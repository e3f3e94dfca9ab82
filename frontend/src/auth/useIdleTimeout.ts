import { useEffect, useRef } from 'react';

/** Sign-out after this long without keyboard, pointer or scroll activity (issue 7). */
export const idleTimeoutMs = 45 * 60 * 1000;

const activityEvents = ['mousemove', 'mousedown', 'keydown', 'scroll', 'touchstart', 'wheel'] as const;

/** Calls onIdle once the user has been inactive for timeoutMs; any activity restarts the clock. */
export function useIdleTimeout(onIdle: () => void, timeoutMs: number = idleTimeoutMs, enabled = true): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled) return undefined;
    let timer = window.setTimeout(() => onIdleRef.current(), timeoutMs);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => onIdleRef.current(), timeoutMs);
    };
    for (const name of activityEvents) window.addEventListener(name, restart, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, restart);
    };
  }, [timeoutMs, enabled]);
}
