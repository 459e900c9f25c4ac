import { useEffect, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import type { Job } from '../api/models';
import { ErrorMessage, Loading, StateBadge } from '../components/Status';
import { DeliveryChart } from '../jobs/DeliveryChart';
import { JobActions } from '../jobs/JobActions';
import { JobProgressCell } from '../jobs/JobProgressCell';
import { SiteBars } from '../jobs/SiteBars';
import { StreamIndicator } from '../jobs/StreamIndicator';
import { TargetsTable } from '../jobs/TargetsTable';
import { useJobProgress } from '../jobs/useJobProgress';
import { useSites } from '../sites/useSiteNames';
import { formatBytes, formatRate, formatTime } from '../format';
import { Link } from '../router';
import { useLoad } from '../useLoad';
import { jobTitle } from './JobsPage';

/** Target rows fetched at once; the table filters and sorts them in the browser. */
const TARGET_ROWS = 500;
/** Target rows are refetched at most this often while updates stream in. */
const TARGET_REFRESH_MS = 5000;

/** One job, live: overall and per-site progress, bytes from peers vs origin over time, every agent's row, and actions. */
export function JobDetailPage({ id }: { id: string }) {
  const { api } = useAuth();
  const loaded = useLoad(() => endpoints.job(api, id), [api, id]);
  const [job, setJob] = useState<Job>();
  useEffect(() => setJob(loaded.data), [loaded.data]);
  const { latest, samples, status } = useJobProgress(job);
  const sites = useSites();
  const refreshTick = Math.floor((latest?.at ?? 0) / TARGET_REFRESH_MS);
  const targets = useLoad(() => endpoints.jobTargets(api, id, { size: TARGET_ROWS }), [api, id, refreshTick, latest?.state]);
  const artifact = useLoad(() => (job ? endpoints.artifact(api, job.artifactId) : Promise.resolve(undefined)), [api, job?.artifactId]);

  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!job || !latest) return <Loading what="the job" />;
  const state = latest.state;
  const t = latest.targets;

  return (
    <section>
      <p className="breadcrumb"><Link to="/jobs">Jobs</Link> /</p>
      <header className="page-header">
        <h1>{jobTitle(job)} <StateBadge state={state} /></h1>
        <StreamIndicator status={status} />
      </header>
      <JobActions job={job} state={state} failedTargets={t.FAILED ?? 0} onDone={setJob} />

      <div className="cards">
        <div className="card card-wide">
          <h2>Progress</h2>
          <JobProgressCell name={jobTitle(job)} state={state} percent={latest.percent} />
          <p className="muted">{formatBytes(latest.bytesDone)} of {formatBytes(latest.bytesTotal)} delivered</p>
          <dl className="counts">
            {(['QUEUED', 'DOWNLOADING', 'VERIFYING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const).map((s) => (
              <div key={s}><dt>{s.toLowerCase()}</dt><dd>{t[s] ?? 0}</dd></div>
            ))}
          </dl>
        </div>
        <div className="card">
          <h2>Settings</h2>
          <dl className="facts">
            <dt>Artifact</dt><dd>{artifact.data ? `${artifact.data.name} ${artifact.data.version}` : job.artifactId.slice(0, 8)}</dd>
            <dt>Start</dt><dd>{job.startAt ? formatTime(job.startAt) : 'at once'}</dd>
            <dt>Deadline</dt><dd>{formatTime(job.deadline)}</dd>
            <dt>WAN cap</dt><dd>{job.wanCapBytesPerSecond ? formatRate(job.wanCapBytesPerSecond) : 'site budget'}</dd>
            <dt>Created</dt><dd>{formatTime(job.createdAt)} by {job.createdBy}</dd>
          </dl>
        </div>
      </div>

      <div className="card">
        <h2>Delivered bytes: peers vs origin</h2>
        <DeliveryChart samples={samples} />
      </div>

      <div className="card">
        <h2>Sites</h2>
        <ErrorMessage error={targets.error} onRetry={targets.reload} />
        {targets.data ? <SiteBars targets={targets.data.items} artifactSize={artifact.data?.sizeBytes ?? 0} nameOf={sites.nameOf} /> : <Loading what="sites" />}
      </div>

      <div className="card">
        <h2>Agents</h2>
        {targets.data && targets.data.total > targets.data.items.length && (
          <p className="muted">Showing the first {targets.data.items.length} of {targets.data.total} agents.</p>
        )}
        {targets.data ? <TargetsTable rows={targets.data.items} siteName={sites.nameOf} /> : !targets.error && <Loading what="agents" />}
      </div>
    </section>
  );
}
