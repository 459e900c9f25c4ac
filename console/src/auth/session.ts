import type { AuthConfig } from './config';
import { jwtClaims, refreshTokens, type Tokens } from './oidc';
import { roleOf, type Role } from './roles';

const TOKENS_KEY = 'branchcast.tokens';
/** Refresh this long before the access token expires, so no request leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 30_000;

/** Who is signed in, as the UI shows it. */
export interface User {
  name: string;
  role: Role | null;
}

/**
 * Session holds the signed-in user's tokens (in sessionStorage, so a reload keeps the tab signed in) and hands out a
 * valid access token, refreshing it once for all concurrent callers. It also refreshes ahead of expiry while the tab is
 * open, so a console left on a live page all day keeps its Keycloak session. It does not start logins; AuthProvider does.
 */
export class Session {
  private tokens: Tokens | null;
  private refreshing: Promise<string> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly config: AuthConfig, private readonly refresh = refreshTokens) {
    const stored = sessionStorage.getItem(TOKENS_KEY);
    this.tokens = stored ? (JSON.parse(stored) as Tokens) : null;
    this.schedule();
  }

  get user(): User | null {
    if (!this.tokens) return null;
    const claims = jwtClaims(this.tokens.accessToken);
    return { name: String(claims.preferred_username ?? claims.sub ?? 'unknown'), role: roleOf(claims) };
  }

  get idToken(): string | undefined {
    return this.tokens?.idToken;
  }

  signIn(tokens: Tokens): void {
    this.store(tokens);
  }

  signOut(): void {
    this.store(null);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A valid access token; ends the session (and throws) when it cannot be refreshed. */
  async accessToken(): Promise<string> {
    const tokens = this.tokens;
    if (!tokens) throw new Error('You are signed out. Sign in again to continue.');
    if (tokens.expiresAt - Date.now() > REFRESH_MARGIN_MS) return tokens.accessToken;
    this.refreshing ??= this.renew(tokens).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async renew(tokens: Tokens): Promise<string> {
    if (!tokens.refreshToken) {
      this.store(null);
      throw new Error('Your session has ended. Sign in again to continue.');
    }
    try {
      const fresh = await this.refresh(this.config, tokens.refreshToken);
      this.store({ ...fresh, idToken: fresh.idToken ?? tokens.idToken });
      return fresh.accessToken;
    } catch {
      this.store(null);
      throw new Error('Your session has ended. Sign in again to continue.');
    }
  }

  private store(tokens: Tokens | null): void {
    this.tokens = tokens;
    if (tokens) sessionStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
    else sessionStorage.removeItem(TOKENS_KEY);
    this.schedule();
    this.listeners.forEach((l) => l());
  }

  /** Plans the next refresh just before the access token's margin; a failure there signs out like any other. */
  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.tokens?.refreshToken) return;
    const due = Math.max(0, this.tokens.expiresAt - REFRESH_MARGIN_MS - Date.now()) + 1000;
    this.timer = setTimeout(() => {
      this.accessToken().catch(() => undefined);
    }, due);
  }
}
