import { useEffect, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import type { JobTargets } from '../api/models';

/** Wait this long after the last change before asking the server. */
const DEBOUNCE_MS = 350;

export type Preview = { state: 'idle' } | { state: 'counting' } | { state: 'counted'; agents: number } | { state: 'failed'; error: unknown };

/** How many active agents the targets select right now (POST /jobs/target-preview), debounced. */
export function useTargetPreview(targets: JobTargets): Preview {
  const { api } = useAuth();
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });
  const key = JSON.stringify(targets);

  useEffect(() => {
    const parsed = JSON.parse(key) as JobTargets;
    if (!parsed.siteIds.length && !parsed.labels.length && !parsed.agentIds.length) {
      setPreview({ state: 'idle' });
      return undefined;
    }
    let current = true;
    setPreview({ state: 'counting' });
    const timer = setTimeout(() => {
      endpoints.previewTargets(api, parsed).then(
        (answer) => current && setPreview({ state: 'counted', agents: answer.agents }),
        (error: unknown) => current && setPreview({ state: 'failed', error }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key]);

  return preview;
}
