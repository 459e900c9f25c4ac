import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { AuthProvider } from '../auth/AuthContext';
import { TEST_CONSOLE_CONFIG } from './authConfig';
import { Session } from '../auth/session';

/** An access token carrying the given roles; unsigned, as the console never verifies tokens itself. */
function fakeToken(roles: string[]): string {
  return `h.${btoa(JSON.stringify({ preferred_username: roles[roles.length - 1] ?? 'nobody', roles })).replace(/=+$/, '')}.s`;
}

/** Answers API calls by path prefix with JSON bodies; unknown paths get a 404 problem. */
export function stubApi(routes: Record<string, unknown>) {
  const fetcher = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    const key = Object.keys(routes).sort((a, b) => b.length - a.length).find((prefix) => url.startsWith(prefix));
    if (key === undefined) {
      return new Response(JSON.stringify({ title: 'Not found', detail: `no route ${url}` }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    }
    return new Response(JSON.stringify(routes[key]), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetcher);
  return fetcher;
}

/** Renders `ui` for a user signed in with `roles`. */
export function renderSignedIn(ui: ReactNode, roles: string[]) {
  sessionStorage.clear();
  const session = new Session(TEST_CONSOLE_CONFIG);
  session.signIn({ accessToken: fakeToken(roles), expiresAt: Date.now() + 300_000 });
  return render(<AuthProvider config={TEST_CONSOLE_CONFIG} session={session}>{ui}</AuthProvider>);
}
