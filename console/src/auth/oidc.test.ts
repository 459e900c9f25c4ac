import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_CONSOLE_CONFIG } from '../test/authConfig';
import { completeLogin, isLoginCallback, logoutUrl } from './oidc';

describe('OIDC code flow', () => {
  beforeEach(() => sessionStorage.clear());

  it('recognises Keycloak answers', () => {
    expect(isLoginCallback('?state=s&session_state=x&code=c')).toBe(true);
    expect(isLoginCallback('?state=s&error=access_denied')).toBe(true);
    expect(isLoginCallback('')).toBe(false);
  });

  it('exchanges the code with the stored verifier and returns to the route it left', async () => {
    sessionStorage.setItem('branchcast.pendingLogin', JSON.stringify({ state: 's1', verifier: 'v1', returnTo: '#/jobs' }));
    const fetcher = vi.fn(async () => new Response(JSON.stringify({ access_token: 'a', refresh_token: 'r', id_token: 'i', expires_in: 300 }), { status: 200 }));
    const { tokens, returnTo } = await completeLogin(TEST_CONSOLE_CONFIG, '?state=s1&code=c1', fetcher as unknown as typeof fetch);
    expect(returnTo).toBe('#/jobs');
    expect(tokens).toMatchObject({ accessToken: 'a', refreshToken: 'r', idToken: 'i' });
    const [url, init] = fetcher.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:8180/realms/branchcast/protocol/openid-connect/token');
    const form = new URLSearchParams(String(init.body));
    expect(Object.fromEntries(form)).toMatchObject({ grant_type: 'authorization_code', code: 'c1', code_verifier: 'v1', client_id: 'console' });
  });

  it('refuses an answer whose state does not match', async () => {
    sessionStorage.setItem('branchcast.pendingLogin', JSON.stringify({ state: 's1', verifier: 'v1', returnTo: '' }));
    await expect(completeLogin(TEST_CONSOLE_CONFIG, '?state=forged&code=c1')).rejects.toThrow(/does not match/);
  });

  it("reports Keycloak's error description", async () => {
    await expect(completeLogin(TEST_CONSOLE_CONFIG, '?state=s&error=access_denied&error_description=Denied+by+policy')).rejects.toThrow('Sign-in failed: Denied by policy');
  });

  it('logs out back to the console root with the id token as hint', () => {
    const url = new URL(logoutUrl(TEST_CONSOLE_CONFIG, 'idt'));
    expect(url.searchParams.get('id_token_hint')).toBe('idt');
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${window.location.origin}/`);
  });
});
