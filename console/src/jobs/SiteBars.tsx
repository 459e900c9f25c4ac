import type { JobTarget } from '../api/models';
import { ProgressBar } from '../components/ProgressBar';
import { formatBytes } from '../format';

/** Per-site totals of a job's target rows; a target that has not reported its size yet counts the artifact's. */
export function bySite(targets: JobTarget[], artifactSize: number) {
  const sites = new Map<string, { done: number; total: number; agents: number; completed: number }>();
  for (const t of targets) {
    const key = t.siteId ?? '';
    const site = sites.get(key) ?? { done: 0, total: 0, agents: 0, completed: 0 };
    site.done += t.bytesDone;
    site.total += t.bytesTotal ?? artifactSize;
    site.agents += 1;
    site.completed += t.state === 'COMPLETED' ? 1 : 0;
    sites.set(key, site);
  }
  return [...sites.entries()].map(([siteId, s]) => ({ siteId, ...s, percent: s.total ? (s.done * 100) / s.total : 0 }));
}

/** One progress bar per site of the job. */
export function SiteBars({ targets, artifactSize, nameOf }: { targets: JobTarget[]; artifactSize: number; nameOf: (id: string) => string }) {
  const sites = bySite(targets, artifactSize).sort((a, b) => nameOf(a.siteId).localeCompare(nameOf(b.siteId)));
  if (sites.length === 0) return <p className="muted">No agents are targeted yet.</p>;
  return (
    <ul className="site-bars">
      {sites.map((s) => (
        <li key={s.siteId}>
          <span className="site-name">{s.siteId ? nameOf(s.siteId) : 'No site'}</span>
          <ProgressBar percent={s.percent} label={`Progress at ${s.siteId ? nameOf(s.siteId) : 'agents without a site'}`} tone={s.completed === s.agents ? 'done' : 'default'} />
          <span className="muted">{s.completed}/{s.agents} agents · {formatBytes(s.done)} of {formatBytes(s.total)}</span>
        </li>
      ))}
    </ul>
  );
}
