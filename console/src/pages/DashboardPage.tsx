import { useCallback } from 'react';
import { useAuth } from '../auth/AuthContext';
import type { ApiClient } from '../api/client';
import { endpoints } from '../api/endpoints';
import { ACTIVE_JOB_STATES, type Agent } from '../api/models';
import { Empty, ErrorMessage, Loading, StateBadge } from '../components/Status';
import { JobProgressCell } from '../jobs/JobProgressCell';
import { useSites } from '../sites/useSiteNames';
import { formatBytes, formatPercent } from '../format';
import { Link } from '../router';
import { useEvery } from '../useEvery';
import { useLoad } from '../useLoad';
import { jobTitle } from './JobsPage';

/** The dashboard re-reads its figures this often. */
const REFRESH_MS = 10_000;
/** Agents counted per site: the first page of the inventory. */
const AGENT_SAMPLE = 500;

async function activeJobs(api: ApiClient) {
  const pages = await Promise.all(ACTIVE_JOB_STATES.map((state) => endpoints.jobs(api, { state, size: 50 })));
  return pages.flatMap((p) => p.items).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Online and offline agents per site id ('' for agents without a site); revoked agents are left out. */
export function agentsBySite(agents: Agent[]) {
  const counts = new Map<string, { online: number; offline: number }>();
  for (const a of agents) {
    if (a.state === 'REVOKED') continue;
    const c = counts.get(a.siteId ?? '') ?? { online: 0, offline: 0 };
    if (a.online) c.online++;
    else c.offline++;
    counts.set(a.siteId ?? '', c);
  }
  return counts;
}

/** Bytes of the active jobs by source, as one stacked bar: what the LAN saved the WAN. */
function SourceSplit({ peers, origin }: { peers: number; origin: number }) {
  const total = peers + origin;
  if (total === 0) return <Empty>No bytes delivered by active jobs yet.</Empty>;
  const share = (peers * 100) / total;
  return (
    <div>
      <div className="split" role="img" aria-label={`${formatPercent(share)} of delivered bytes came from peers`}>
        <div className="split-peers" style={{ width: `${share}%` }} />
        <div className="split-origin" style={{ width: `${100 - share}%` }} />
      </div>
      <p className="legend">
        <span><i className="swatch swatch-peers" /> from peers (LAN) {formatBytes(peers)} · {formatPercent(share)}</span>
        <span><i className="swatch swatch-origin" /> from origin (WAN) {formatBytes(origin)}</span>
      </p>
    </div>
  );
}

/** What an admin checks first: the jobs in flight, which offices have agents online, and how much the LAN carries. */
export function DashboardPage() {
  const { api } = useAuth();
  const jobs = useLoad(() => activeJobs(api), [api]);
  const agents = useLoad(() => endpoints.agents(api, { size: AGENT_SAMPLE }), [api]);
  const sites = useSites();
  const { reload: reloadJobs } = jobs;
  const { reload: reloadAgents } = agents;

  useEvery(REFRESH_MS, useCallback(() => {
    reloadJobs();
    reloadAgents();
  }, [reloadJobs, reloadAgents]));

  const peers = jobs.data?.reduce((sum, j) => sum + (j.summary?.bytesFromPeers ?? 0), 0) ?? 0;
  const origin = jobs.data?.reduce((sum, j) => sum + (j.summary?.bytesFromOrigin ?? 0), 0) ?? 0;
  const perSite = agents.data ? agentsBySite(agents.data.items) : null;

  return (
    <section>
      <header className="page-header"><h1>Dashboard</h1></header>
      <div className="cards">
        <div className="card card-wide">
          <h2>Active jobs</h2>
          <ErrorMessage error={jobs.error} onRetry={jobs.reload} />
          {!jobs.data && !jobs.error && <Loading what="jobs" />}
          {jobs.data && jobs.data.length === 0 && <Empty>No job is scheduled, running or paused. <Link to="/jobs">See all jobs</Link></Empty>}
          {jobs.data && jobs.data.length > 0 && (
            <table className="table">
              <thead><tr><th>Job</th><th>State</th><th className="wide">Progress</th><th className="num">Agents</th></tr></thead>
              <tbody>
                {jobs.data.map((job) => (
                  <tr key={job.id}>
                    <td><Link to={`/jobs/${job.id}`}>{jobTitle(job)}</Link></td>
                    <td><StateBadge state={job.state} /></td>
                    <td><JobProgressCell name={jobTitle(job)} state={job.state} percent={job.summary?.percent ?? 0} /></td>
                    <td className="num">{job.summary?.totalTargets ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="card">
          <h2>Bytes from peers vs origin</h2>
          <p className="muted">Active jobs</p>
          {jobs.data && <SourceSplit peers={peers} origin={origin} />}
        </div>
      </div>
      <div className="card">
        <h2>Agents per site</h2>
        <ErrorMessage error={agents.error ?? sites.error} onRetry={() => { agents.reload(); sites.reload(); }} />
        {!perSite && !agents.error && <Loading what="agents" />}
        {perSite && perSite.size === 0 && <Empty>No agents are enrolled yet.</Empty>}
        {perSite && perSite.size > 0 && (
          <>
            {agents.data && agents.data.total > agents.data.items.length && (
              <p className="muted">Counting the first {agents.data.items.length} of {agents.data.total} agents.</p>
            )}
            <table className="table">
              <thead><tr><th>Site</th><th className="num">Online</th><th className="num">Offline</th></tr></thead>
              <tbody>
                {[...perSite.entries()].sort(([a], [b]) => sites.nameOf(a).localeCompare(sites.nameOf(b))).map(([siteId, c]) => (
                  <tr key={siteId}>
                    <td>{siteId ? sites.nameOf(siteId) : 'No site'}</td>
                    <td className="num"><span className="dot dot-online" aria-hidden="true" /> {c.online}</td>
                    <td className="num"><span className={`dot ${c.offline ? 'dot-offline' : 'dot-none'}`} aria-hidden="true" /> {c.offline}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </section>
  );
}
