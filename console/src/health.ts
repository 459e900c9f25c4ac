/** The control plane's readiness as the console shows it. */
export type Health = { state: 'checking' } | { state: 'up' } | { state: 'down'; reason: string };

/** Asks the control plane's readiness endpoint; never throws, so the page can always render an answer. */
export async function fetchHealth(fetcher: typeof fetch = fetch): Promise<Health> {
  try {
    const response = await fetcher('/q/health/ready', { headers: { Accept: 'application/json' } });
    const body = (await response.json()) as { status?: string; checks?: { name: string; status: string }[] };
    if (response.ok && body.status === 'UP') {
      return { state: 'up' };
    }
    const failing = (body.checks ?? []).filter((c) => c.status !== 'UP').map((c) => c.name);
    return { state: 'down', reason: failing.length ? `not ready: ${failing.join(', ')}` : `HTTP ${response.status}` };
  } catch (error) {
    return { state: 'down', reason: error instanceof Error ? error.message : String(error) };
  }
}
