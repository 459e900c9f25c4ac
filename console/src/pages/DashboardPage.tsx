import { useCallback, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import type { ApiClient } from '../api/client';
import { endpoints } from '../api/endpoints';
import { ACTIVE_JOB_STATES, type DeliveryStats, type Site } from '../api/models';
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

async function activeJobs(api: ApiClient) {
  const pages = await Promise.all(ACTIVE_JOB_STATES.map((state) => endpoints.jobs(api, { state, size: 50 })));
  return pages.flatMap((p) => p.items).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The sites by name with their agents as the control plane counts them: online, offline (both active), revoked. */
export function agentsPerSite(sites: Site[]) {
  return [...sites].sort((a, b) => a.name.localeCompare(b.name)).map((s) => ({ id: s.id, name: s.name, ...s.agents }));
}

type SplitWindow = 'active' | DeliveryStats['window'];
const WINDOWS: { value: SplitWindow; label: string }[] = [
  { value: 'active', label: 'Active jobs' }, { value: '24h', label: 'Last 24 h' }, { value: '7d', label: 'Last 7 days' },
];

/** Delivered bytes by source, as one stacked bar: what the LAN saved the WAN. */
function SourceSplit({ peers, origin }: { peers: number; origin: number }) {
  const total = peers + origin;
  if (total === 0) return <Empty>No bytes delivered in this period yet.</Empty>;
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
  const sites = useSites();
  const [period, setPeriod] = useState<SplitWindow>('24h');
  const delivery = useLoad(() => (period === 'active' ? Promise.resolve(null) : endpoints.deliveryStats(api, period)), [api, period]);
  const { reload: reloadJobs } = jobs;
  const { reload: reloadSites } = sites;
  const { reload: reloadDelivery } = delivery;

  useEvery(REFRESH_MS, useCallback(() => {
    reloadJobs();
    reloadSites();
    reloadDelivery();
  }, [reloadJobs, reloadSites, reloadDelivery]));

  const split = period === 'active'
    ? jobs.data && {
      peers: jobs.data.reduce((sum, j) => sum + (j.summary?.bytesFromPeers ?? 0), 0),
      origin: jobs.data.reduce((sum, j) => sum + (j.summary?.bytesFromOrigin ?? 0), 0),
    }
    : delivery.data && { peers: delivery.data.bytesFromPeers, origin: delivery.data.bytesFromOrigin };
  const perSite = sites.data ? agentsPerSite(sites.data) : null;

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
          <div className="segmented" role="group" aria-label="Period">
            {WINDOWS.map((w) => (
              <button key={w.value} type="button" aria-pressed={period === w.value} onClick={() => setPeriod(w.value)}>{w.label}</button>
            ))}
          </div>
          {period !== 'active' && <ErrorMessage error={delivery.error} onRetry={delivery.reload} />}
          {split && <SourceSplit peers={split.peers} origin={split.origin} />}
        </div>
      </div>
      <div className="card">
        <h2>Agents per site</h2>
        <ErrorMessage error={sites.error} onRetry={sites.reload} />
        {!perSite && !sites.error && <Loading what="sites" />}
        {perSite && perSite.length === 0 && <Empty>No sites yet. <Link to="/sites">Add a site</Link></Empty>}
        {perSite && perSite.length > 0 && (
          <table className="table">
            <thead><tr><th>Site</th><th className="num">Online</th><th className="num">Offline</th><th className="num">Revoked</th></tr></thead>
            <tbody>
              {perSite.map((site) => (
                <tr key={site.id}>
                  <td>{site.name}</td>
                  <td className="num"><span className="dot dot-online" aria-hidden="true" /> {site.online}</td>
                  <td className="num"><span className={`dot ${site.offline ? 'dot-offline' : 'dot-none'}`} aria-hidden="true" /> {site.offline}</td>
                  <td className="num">{site.revoked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
