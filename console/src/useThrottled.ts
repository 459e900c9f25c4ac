import { useEffect, useRef, useState } from 'react';

/**
 * The value, passed on at most once per `ms`: a change after a quiet spell at once, changes within the window at its
 * end, and always the latest one, so a burst of live updates triggers one reload now and one when the window closes.
 * The first window starts at mount, when the caller loaded fresh data anyway.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [passed, setPassed] = useState(value);
  const [mountedAt] = useState(Date.now);
  const passedAt = useRef(mountedAt);
  useEffect(() => {
    const pass = () => {
      passedAt.current = Date.now();
      setPassed(value);
    };
    const wait = passedAt.current + ms - Date.now();
    if (wait <= 0) {
      pass();
      return undefined;
    }
    const timer = setTimeout(pass, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return passed;
}
