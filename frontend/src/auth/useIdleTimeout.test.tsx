import { act, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { idleTimeoutMs, useIdleTimeout } from './useIdleTimeout';

function Probe({ onIdle }: { onIdle: () => void }) {
  useIdleTimeout(onIdle);
  return null;
}

describe('useIdleTimeout', () => {
  afterEach(() => vi.useRealTimers());

  it('useIdleTimeout_Default_IsFortyFiveMinutes', () => {
    expect(idleTimeoutMs).toBe(45 * 60 * 1000);
  });

  it('useIdleTimeout_NoActivity_SignsOutAfterTimeout', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    render(<Probe onIdle={onIdle} />);

    act(() => vi.advanceTimersByTime(idleTimeoutMs - 1));
    expect(onIdle).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('useIdleTimeout_Activity_RestartsTheClock', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    render(<Probe onIdle={onIdle} />);

    act(() => vi.advanceTimersByTime(idleTimeoutMs - 1000));
    fireEvent.keyDown(window, { key: 'a' });
    act(() => vi.advanceTimersByTime(idleTimeoutMs - 1000));

    expect(onIdle).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1000));
    expect(onIdle).toHaveBeenCalledOnce();
  });
});
