import { useEffect, useState } from 'react';
import { fetchHealth, type Health } from './health';

/** The console shell: product header, the control plane's readiness and the links an admin needs today. */
export function App() {
  const [health, setHealth] = useState<Health>({ state: 'checking' });

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
    <main className="shell">
      <header>
        <h1>Branchcast</h1>
        <p>One WAN copy per office; the workstations share the rest.</p>
      </header>
      <section aria-live="polite" className={`health health-${health.state}`}>
        {health.state === 'checking' && 'Checking the control plane…'}
        {health.state === 'up' && 'Control plane ready'}
        {health.state === 'down' && `Control plane unavailable (${health.reason})`}
      </section>
      <nav>
        <a href="/q/swagger-ui">REST API (Swagger UI)</a>
        <a href="/q/openapi">OpenAPI document</a>
      </nav>
    </main>
  );
}
