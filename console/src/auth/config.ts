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

/** Where the runtime settings are read from: a file served beside index.html, replaceable per deployment. */
const AUTH_CONFIG_URL = '/console-config.json';

/** The runtime settings; the defaults of the local stack when they cannot be read. */
export async function loadAuthConfig(fetcher: typeof fetch = fetch): Promise<AuthConfig> {
  try {
    const response = await fetcher(AUTH_CONFIG_URL, { headers: { Accept: 'application/json' } });
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
