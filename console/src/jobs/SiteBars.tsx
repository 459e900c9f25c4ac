import type { JobSite } from '../api/models';
import { ProgressBar } from '../components/ProgressBar';
import { formatBytes } from '../format';

/** One site's bar: what GET /jobs/{id}/sites summed up for the job's targets there. */
export interface SiteBar {
  key: string;
  name: string;
  label: string;
  agents: number;
  completed: number;
  online: number;
  bytesDone: number;
  bytesTotal: number;
  percent: number;
}

/** The bars of a job's sites, in the control plane's order (by name, targets without a site last). */
export function siteBars(sites: JobSite[]): SiteBar[] {
  return sites.map((s) => ({
    key: s.siteId ?? '',
    name: s.siteName ?? 'No site',
    label: `Progress at ${s.siteName ?? 'agents without a site'}`,
    agents: s.summary.totalTargets,
    completed: s.summary.targets.COMPLETED ?? 0,
    online: s.onlineAgents,
    bytesDone: s.summary.bytesDone,
    bytesTotal: s.summary.bytesTotal,
    percent: s.summary.percent,
  }));
}

/** The name of a target's site among the job's sites; the start of its id while the sites are unknown. */
export function siteNameIn(sites: JobSite[] | undefined): (id: string | null) => string {
  return (id) => (id ? sites?.find((s) => s.siteId === id)?.siteName ?? id.slice(0, 8) : '—');
}

/** One progress bar per site of the job. */
export function SiteBars({ sites }: { sites: JobSite[] }) {
  const bars = siteBars(sites);
  if (bars.length === 0) return <p className="muted">No agents are targeted yet.</p>;
  return (
    <ul className="site-bars">
      {bars.map((s) => (
        <li key={s.key}>
          <span className="site-name">{s.name}</span>
          <ProgressBar percent={s.percent} label={s.label} tone={s.agents > 0 && s.completed === s.agents ? 'done' : 'default'} />
          <span className="muted">{s.completed}/{s.agents} agents · {s.online} online · {formatBytes(s.bytesDone)} of {formatBytes(s.bytesTotal)}</span>
        </li>
      ))}
    </ul>
  );
}
