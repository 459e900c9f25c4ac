import { useAuth } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import { useLoad } from '../useLoad';
import type { Site } from '../api/models';

/** The sites, and a lookup from site id to name ("—" for agents without a site). */
export function useSites() {
  const { api } = useAuth();
  const sites = useLoad(() => endpoints.sites(api), [api]);
  const nameOf = (id: string | null | undefined) => (id ? sites.data?.find((s: Site) => s.id === id)?.name ?? id.slice(0, 8) : '—');
  return { ...sites, nameOf };
}
