/** Where the console signs in: the Keycloak server, realm and public client. */
export interface AuthConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  keycloakUrl: 'http://127.0.0.1:8180',
  realm: 'branchcast',
  clientId: 'console',
};

/** Runtime settings the control plane may publish; the defaults of the local stack when it does not. */
export async function loadAuthConfig(fetcher: typeof fetch = fetch): Promise<AuthConfig> {
  try {
    const response = await fetcher('/api/v1/console-config', { headers: { Accept: 'application/json' } });
    if (!response.ok) return DEFAULT_AUTH_CONFIG;
    const body = (await response.json()) as Partial<AuthConfig>;
    return { ...DEFAULT_AUTH_CONFIG, ...body };
  } catch {
    return DEFAULT_AUTH_CONFIG;
  }
}

/** The realm's OpenID Connect endpoints (Keycloak's fixed layout). */
export function endpoints(config: AuthConfig) {
  const base = `${config.keycloakUrl.replace(/\/+$/, '')}/realms/${encodeURIComponent(config.realm)}/protocol/openid-connect`;
  return { authorize: `${base}/auth`, token: `${base}/token`, logout: `${base}/logout` };
}
