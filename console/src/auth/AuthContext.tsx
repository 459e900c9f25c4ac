import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { ApiClient } from '../api/client';
import type { AuthConfig } from './config';
import { beginLogin, logoutUrl } from './oidc';
import { allows, type Role } from './roles';
import type { Session, User } from './session';

/** What pages need from the signed-in session. */
export interface Auth {
  user: User | null;
  api: ApiClient;
  session: Session;
  signIn: () => Promise<void>;
  signOut: () => void;
}

const AuthContext = createContext<Auth | null>(null);

/** Provides the session, the API client bound to it, and sign-in/out to the tree below. */
export function AuthProvider({ config, session, children }: { config: AuthConfig; session: Session; children: ReactNode }) {
  const user = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.user?.name ?? null,
  );
  const auth = useMemo<Omit<Auth, 'user'>>(() => ({
    api: new ApiClient(() => session.accessToken()),
    session,
    signIn: () => beginLogin(config, window.location.hash),
    signOut: () => {
      const url = logoutUrl(config, session.idToken);
      session.signOut();
      window.location.assign(url);
    },
  }), [config, session]);
  const value = useMemo(() => ({ ...auth, user: user === null ? null : session.user }), [auth, user, session]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an AuthProvider');
  return auth;
}

/** Whether the signed-in user holds `role` (or a stronger one). */
export function useAllows(role: Role): boolean {
  return allows(useAuth().user?.role ?? null, role);
}

/** Renders its children only for users who hold `role`; the API enforces the same rule. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  return useAllows(role) ? <>{children}</> : null;
}
