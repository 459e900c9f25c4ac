import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useThrottled } from './useThrottled';

afterEach(() => {
  vi.useRealTimers();
});

describe('useThrottled', () => {
  it('passes a burst on once at once and its latest value when the window closes', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ value }) => useThrottled(value, 2000), { initialProps: { value: 1 } });
    expect(result.current).toBe(1);
    act(() => vi.advanceTimersByTime(5000));
    rerender({ value: 2 });
    expect(result.current).toBe(2);
    act(() => vi.advanceTimersByTime(500));
    rerender({ value: 3 });
    act(() => vi.advanceTimersByTime(500));
    rerender({ value: 4 });
    expect(result.current).toBe(2);
    act(() => vi.advanceTimersByTime(999));
    expect(result.current).toBe(2);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(4);
  });

  it('counts the first window from mount, when the caller loaded fresh data anyway', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ value }) => useThrottled(value, 2000), { initialProps: { value: 1 } });
    act(() => vi.advanceTimersByTime(100));
    rerender({ value: 2 });
    expect(result.current).toBe(1);
    act(() => vi.advanceTimersByTime(1900));
    expect(result.current).toBe(2);
  });
});
