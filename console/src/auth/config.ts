import { networkError, responseToError } from '../api/problem';

/** Where the console signs in: the Keycloak realm (`<keycloak>/realms/<realm>`) and the realm's public client. */
export interface AuthConfig {
  realmUrl: string;
  clientId: string;
}

/** console.ConsoleSettings: the sign-in settings the control plane publishes, and its version. */
export interface ConsoleConfig extends AuthConfig {
  keycloakUrl: string;
  realm: string;
  version: string;
}

/** Public: the console reads it before anyone has signed in. */
const CONSOLE_CONFIG_URL = '/api/v1/console-config';

/**
 * The control plane's console settings. Throws a readable error when they cannot be read: guessing where Keycloak is
 * would send people to a sign-in page that is not theirs.
 */
export async function loadConsoleConfig(fetcher: typeof fetch = fetch): Promise<ConsoleConfig> {
  let response: Response;
  try {
    response = await fetcher(CONSOLE_CONFIG_URL, { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) throw await responseToError(response);
  const body = (await response.json()) as Partial<ConsoleConfig>;
  for (const key of ['realmUrl', 'clientId'] as const) {
    if (typeof body[key] !== 'string' || !body[key]) {
      throw new Error(`The control plane's console settings lack ${key}; sign-in cannot start.`);
    }
  }
  return body as ConsoleConfig;
}

/** The realm's OpenID Connect endpoints (Keycloak's fixed layout below the realm URL). */
export function endpoints(config: AuthConfig) {
  const base = `${config.realmUrl.replace(/\/+$/, '')}/protocol/openid-connect`;
  return { authorize: `${base}/auth`, token: `${base}/token`, logout: `${base}/logout` };
}
