import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_CONFIG, endpoints, loadAuthConfig } from './config';

describe('loadAuthConfig', () => {
  it('overrides the defaults with the published settings', async () => {
    const fetcher = (async () => new Response(JSON.stringify({ keycloakUrl: 'https://sso.example' }), { status: 200 })) as unknown as typeof fetch;
    expect(await loadAuthConfig(fetcher)).toEqual({ ...DEFAULT_AUTH_CONFIG, keycloakUrl: 'https://sso.example' });
  });

  it('falls back to the local stack when nothing is published', async () => {
    const fetcher = (async () => new Response('', { status: 404 })) as unknown as typeof fetch;
    expect(await loadAuthConfig(fetcher)).toEqual(DEFAULT_AUTH_CONFIG);
  });

  it("derives Keycloak's endpoints", () => {
    expect(endpoints({ ...DEFAULT_AUTH_CONFIG, keycloakUrl: 'https://sso.example/' }).token).toBe('https://sso.example/realms/branchcast/protocol/openid-connect/token');
  });
});
