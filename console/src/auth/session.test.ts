import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_CONSOLE_CONFIG } from '../test/authConfig';
import { Session } from './session';
import type { Tokens } from './oidc';

const jwt = (claims: object) => `h.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.s`;

describe('Session', () => {
  beforeEach(() => sessionStorage.clear());

  it('reads the user name and strongest role from the access token', () => {
    const session = new Session(TEST_CONSOLE_CONFIG);
    session.signIn({ accessToken: jwt({ preferred_username: 'operator', roles: ['viewer', 'operator'] }), expiresAt: Date.now() + 300_000 });
    expect(session.user).toEqual({ name: 'operator', role: 'operator' });
  });

  it('refreshes an expiring token once for concurrent callers', async () => {
    const fresh: Tokens = { accessToken: jwt({ sub: 'x' }), refreshToken: 'r2', expiresAt: Date.now() + 300_000 };
    const refresh = vi.fn(async () => fresh);
    const session = new Session(TEST_CONSOLE_CONFIG, refresh);
    session.signIn({ accessToken: jwt({ sub: 'x' }), refreshToken: 'r1', idToken: 'id', expiresAt: Date.now() + 1000 });
    const [a, b] = await Promise.all([session.accessToken(), session.accessToken()]);
    expect(a).toBe(fresh.accessToken);
    expect(b).toBe(fresh.accessToken);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(session.idToken).toBe('id');
  });

  it('refreshes ahead of expiry while the tab stays open', async () => {
    vi.useFakeTimers();
    const refresh = vi.fn(async () => ({ accessToken: jwt({ sub: 'x' }), refreshToken: 'r2', expiresAt: Date.now() + 300_000 }));
    const session = new Session(TEST_CONSOLE_CONFIG, refresh);
    session.signIn({ accessToken: jwt({ sub: 'x' }), refreshToken: 'r1', expiresAt: Date.now() + 300_000 });
    await vi.advanceTimersByTimeAsync(269_000);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2000);
    expect(refresh).toHaveBeenCalledTimes(1);
    session.signOut();
    vi.useRealTimers();
  });

  it('signs out when the refresh is refused', async () => {
    const session = new Session(TEST_CONSOLE_CONFIG, async () => {
      throw new Error('invalid_grant');
    });
    session.signIn({ accessToken: jwt({ sub: 'x' }), refreshToken: 'r1', expiresAt: Date.now() });
    await expect(session.accessToken()).rejects.toThrow(/session has ended/);
    expect(session.user).toBeNull();
  });
});
