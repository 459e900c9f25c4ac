import { useEffect } from 'react';

/** Calls `action` every `ms` while the component is mounted (lists that should stay current without a stream). */
export function useEvery(ms: number, action: () => void): void {
  useEffect(() => {
    const timer = setInterval(action, ms);
    return () => clearInterval(timer);
  }, [ms, action]);
}
