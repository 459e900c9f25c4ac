import { useEffect, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { ErrorMessage } from '../components/Status';
import { fetchHealth, type Health } from '../health';

/** The signed-out start page: what Branchcast is, whether the control plane is up, and the way in. */
export function SignInPage({ error }: { error?: unknown }) {
  const { signIn } = useAuth();
  const [health, setHealth] = useState<Health>({ state: 'checking' });
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    let cancelled = false;
    fetchHealth().then((h) => {
      if (!cancelled) setHealth(h);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <main className="signin">
      <h1>Branchcast</h1>
      <p>One WAN copy per office; the workstations share the rest.</p>
      <ErrorMessage error={error} />
      <section aria-live="polite" className={`health health-${health.state}`}>
        {health.state === 'checking' && 'Checking the control plane…'}
        {health.state === 'up' && 'Control plane ready'}
        {health.state === 'down' && `Control plane unavailable (${health.reason})`}
      </section>
      <button type="button" className="button-primary" disabled={starting} onClick={() => { setStarting(true); void signIn(); }}>
        {starting ? 'Redirecting to sign-in…' : 'Sign in'}
      </button>
      <p className="muted"><a href="/q/swagger-ui">REST API (Swagger UI)</a></p>
    </main>
  );
}
