import { useEffect, useState } from 'react';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { loadAuthConfig, type AuthConfig } from './auth/config';
import { completeLogin, isLoginCallback } from './auth/oidc';
import { Session } from './auth/session';
import { ErrorMessage } from './components/Status';
import { Layout } from './Layout';
import { Routes } from './Routes';
import { SignInPage } from './pages/SignInPage';

type Boot = { state: 'starting' } | { state: 'ready'; config: AuthConfig; session: Session; error?: unknown };

/** Loads the sign-in settings and finishes a login redirect, then hands over to the signed-in shell or the sign-in page. */
async function boot(): Promise<Boot> {
  const config = await loadAuthConfig();
  const session = new Session(config);
  if (!isLoginCallback(window.location.search)) return { state: 'ready', config, session };
  try {
    const { tokens, returnTo } = await completeLogin(config, window.location.search);
    session.signIn(tokens);
    window.history.replaceState(null, '', `/${returnTo}`);
    return { state: 'ready', config, session };
  } catch (error) {
    window.history.replaceState(null, '', '/');
    return { state: 'ready', config, session, error };
  }
}

/** The console: sign-in first, then the pages. */
export function App() {
  const [booted, setBooted] = useState<Boot>({ state: 'starting' });
  useEffect(() => {
    void boot().then(setBooted);
  }, []);
  if (booted.state === 'starting') return <p className="muted boot" role="status">Starting the console…</p>;
  return (
    <AuthProvider config={booted.config} session={booted.session}>
      <SignedInOrNot error={booted.error} />
    </AuthProvider>
  );
}

function SignedInOrNot({ error }: { error?: unknown }) {
  const { user } = useAuth();
  if (!user) return <SignInPage error={error} />;
  return (
    <Layout>
      {user.role ? <Routes /> : <ErrorMessage error="Your account holds no Branchcast role (viewer, operator or admin). Ask an administrator for access." />}
    </Layout>
  );
}
