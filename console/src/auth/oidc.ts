import { endpoints, type AuthConfig } from './config';
import { codeChallenge, randomString } from './pkce';

/** Tokens of a signed-in user; `expiresAt` is the access token's expiry in epoch milliseconds. */
export interface Tokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  expiresAt: number;
}

/** What the login redirect must remember until the browser comes back with a code. */
interface PendingLogin {
  state: string;
  verifier: string;
  returnTo: string;
}

const PENDING_KEY = 'branchcast.pendingLogin';

/** The console's redirect URI: its own root, which Keycloak allows as http://host:8080/*. */
export function redirectUri(): string {
  return `${window.location.origin}/`;
}

/** Starts the authorization code flow with PKCE: remembers verifier and state, then leaves for Keycloak. */
export async function beginLogin(config: AuthConfig, returnTo: string): Promise<void> {
  const pending: PendingLogin = { state: randomString(32), verifier: randomString(), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid',
    state: pending.state,
    code_challenge: await codeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  });
  window.location.assign(`${endpoints(config).authorize}?${params}`);
}

/** Whether the URL is Keycloak's answer to a login redirect. */
export function isLoginCallback(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

/**
 * Finishes the code flow: checks the state, exchanges the code with the verifier and returns the tokens and the
 * console route the user started from.
 */
export async function completeLogin(config: AuthConfig, search: string, fetcher: typeof fetch = fetch): Promise<{ tokens: Tokens; returnTo: string }> {
  const params = new URLSearchParams(search);
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (params.has('error')) {
    throw new Error(`Sign-in failed: ${params.get('error_description') ?? params.get('error')}`);
  }
  const pending = stored ? (JSON.parse(stored) as PendingLogin) : null;
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('Sign-in failed: the answer from Keycloak does not match a login started here. Please sign in again.');
  }
  const tokens = await tokenRequest(config, {
    grant_type: 'authorization_code',
    code: params.get('code') ?? '',
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  }, fetcher);
  return { tokens, returnTo: pending.returnTo };
}

/** Trades a refresh token for fresh tokens. */
export function refreshTokens(config: AuthConfig, refreshToken: string, fetcher: typeof fetch = fetch): Promise<Tokens> {
  return tokenRequest(config, { grant_type: 'refresh_token', refresh_token: refreshToken }, fetcher);
}

/** Keycloak's end-session URL, which comes back to the console root. */
export function logoutUrl(config: AuthConfig, idToken: string | undefined): string {
  const params = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
  if (idToken) params.set('id_token_hint', idToken);
  return `${endpoints(config).logout}?${params}`;
}

/** The payload of a JWT, unverified: the console reads claims for display; the API verifies the token. */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

async function tokenRequest(config: AuthConfig, form: Record<string, string>, fetcher: typeof fetch): Promise<Tokens> {
  const response = await fetcher(endpoints(config).token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form, client_id: config.clientId }),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, string | number | undefined>;
  if (!response.ok) {
    throw new Error(`Keycloak refused the token request: ${body.error_description ?? body.error ?? `HTTP ${response.status}`}`);
  }
  return {
    accessToken: String(body.access_token),
    refreshToken: body.refresh_token as string | undefined,
    idToken: body.id_token as string | undefined,
    expiresAt: Date.now() + Number(body.expires_in ?? 60) * 1000,
  };
}
