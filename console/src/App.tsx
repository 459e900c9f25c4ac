import { useCallback, useEffect, useState } from 'react';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { loadConsoleConfig, type ConsoleConfig } from './auth/config';
import { completeLogin, isLoginCallback } from './auth/oidc';
import { Session } from './auth/session';
import { ErrorMessage } from './components/Status';
import { Layout } from './Layout';
import { Routes } from './Routes';
import { SignInPage } from './pages/SignInPage';

type Boot =
  | { state: 'starting' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; config: ConsoleConfig; session: Session; error?: unknown };

/** Loads the sign-in settings and finishes a login redirect, then hands over to the signed-in shell or the sign-in page. */
async function boot(): Promise<Boot> {
  let config: ConsoleConfig;
  try {
    config = await loadConsoleConfig();
  } catch (error) {
    return { state: 'failed', error };
  }
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
  const start = useCallback(() => {
    setBooted({ state: 'starting' });
    void boot().then(setBooted);
  }, []);
  useEffect(start, [start]);
  if (booted.state === 'starting') return <p className="muted boot" role="status">Starting the console…</p>;
  if (booted.state === 'failed') {
    return (
      <main className="signin">
        <h1>Branchcast</h1>
        <p>The console cannot learn where to sign in.</p>
        <ErrorMessage error={booted.error} onRetry={start} />
      </main>
    );
  }
  return (
    <AuthProvider config={booted.config} session={booted.session}>
      <SignedInOrNot error={booted.error} version={booted.config.version} />
    </AuthProvider>
  );
}

function SignedInOrNot({ error, version }: { error?: unknown; version: string }) {
  const { user } = useAuth();
  if (!user) return <SignInPage error={error} />;
  return (
    <Layout version={version}>
      {user.role ? <Routes /> : <ErrorMessage error="Your account holds no Branchcast role (viewer, operator or admin). Ask an administrator for access." />}
    </Layout>
  );
}
