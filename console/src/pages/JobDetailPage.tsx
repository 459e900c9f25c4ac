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
import { formatBytes, formatRate, formatTime } from '../format';
import { Link } from '../router';
import { useLoad } from '../useLoad';
import { useThrottled } from '../useThrottled';
import { jobTitle } from './JobsPage';

/** While progress streams in, the per-site bars are refetched at most this often. */
const SITES_REFRESH_MS = 2000;
/** ...and the page of agent rows at most this often, so rows do not reshuffle under the reader's eyes. */
const TARGETS_REFRESH_MS = 5000;

/** One job, live: overall and per-site progress, bytes from peers vs origin over time, every agent's row, and actions. */
export function JobDetailPage({ id }: { id: string }) {
  const { api } = useAuth();
  const loaded = useLoad(() => endpoints.job(api, id), [api, id]);
  const [job, setJob] = useState<Job>();
  useEffect(() => setJob(loaded.data), [loaded.data]);
  const { latest, samples, status } = useJobProgress(job);
  const sitesTick = useThrottled(latest?.at, SITES_REFRESH_MS);
  const targetsTick = useThrottled(latest?.at, TARGETS_REFRESH_MS);
  const sites = useLoad(() => endpoints.jobSites(api, id), [api, id, sitesTick]);
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
        <ErrorMessage error={sites.error} onRetry={sites.reload} />
        {sites.data ? <SiteBars sites={sites.data} /> : !sites.error && <Loading what="sites" />}
      </div>

      <div className="card">
        <h2>Agents</h2>
        <TargetsTable jobId={id} sites={sites.data} refresh={targetsTick} />
      </div>
    </section>
  );
}
