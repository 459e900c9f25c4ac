import { describe, expect, it, vi } from 'vitest';
import { TEST_CONSOLE_CONFIG } from '../test/authConfig';
import { endpoints, loadConsoleConfig } from './config';

const answer = (body: unknown, status = 200, type = 'application/json') => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } }));

describe('loadConsoleConfig', () => {
  it("reads the control plane's published settings", async () => {
    const fetcher = answer(TEST_CONSOLE_CONFIG);
    expect(await loadConsoleConfig(fetcher as unknown as typeof fetch)).toEqual(TEST_CONSOLE_CONFIG);
    expect(fetcher.mock.calls[0]).toEqual(['/api/v1/console-config', { headers: { Accept: 'application/json' } }]);
  });

  it('fails readably instead of guessing where Keycloak is', async () => {
    const problem = answer({ title: 'Service unavailable', detail: 'starting' }, 503, 'application/problem+json');
    await expect(loadConsoleConfig(problem as unknown as typeof fetch)).rejects.toThrow('Service unavailable: starting');
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(loadConsoleConfig(down)).rejects.toThrow(/Cannot reach the control plane/);
  });

  it('refuses settings without a realm URL or client id', async () => {
    const partial = answer({ ...TEST_CONSOLE_CONFIG, realmUrl: '' });
    await expect(loadConsoleConfig(partial as unknown as typeof fetch)).rejects.toThrow(/lack realmUrl/);
  });
});

describe('endpoints', () => {
  it("derives Keycloak's endpoints from the realm URL", () => {
    expect(endpoints({ realmUrl: 'https://sso.example/auth/realms/branchcast/', clientId: 'console' }).token)
      .toBe('https://sso.example/auth/realms/branchcast/protocol/openid-connect/token');
  });
});
