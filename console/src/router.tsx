import { useSyncExternalStore, type ReactNode } from 'react';

/**
 * A tiny hash router: the route lives after '#', so the control plane serves one index.html for every page and the
 * OIDC redirect URI stays the console root.
 */
function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current route path, e.g. "/jobs/123"; "/" when empty. */
export function useRoute(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash.replace(/^#/, '') || '/');
}

export function navigate(path: string): void {
  window.location.hash = path;
}

/** Matches a path against a pattern with ":name" segments; the parameters, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

export function Link({ to, children }: { to: string; children: ReactNode }) {
  return <a href={`#${to}`}>{children}</a>;
}
