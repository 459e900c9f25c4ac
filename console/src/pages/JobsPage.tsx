import { useState } from 'react';
import { useAuth, RequireRole } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import { JOB_STATES, type Job } from '../api/models';
import { Empty, ErrorMessage, Loading, StateBadge } from '../components/Status';
import { Pager } from '../components/Pager';
import { JobProgressCell } from '../jobs/JobProgressCell';
import { formatBytes, formatTime } from '../format';
import { Link } from '../router';
import { useDebounced } from '../useDebounced';
import { useEvery } from '../useEvery';
import { useLoad } from '../useLoad';

const PAGE_SIZE = 25;
/** The list re-reads progress this often. */
const REFRESH_MS = 10_000;

export function jobTitle(job: Pick<Job, 'name' | 'id'>): string {
  return job.name || `Job ${job.id.slice(0, 8)}`;
}

/** All jobs, newest first, filterable by state and name. */
export function JobsPage() {
  const { api } = useAuth();
  const [state, setState] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const q = useDebounced(search.trim());
  const jobs = useLoad(() => endpoints.jobs(api, { state, q, page, size: PAGE_SIZE }), [api, state, q, page]);
  useEvery(REFRESH_MS, jobs.reload);

  return (
    <section>
      <header className="page-header">
        <h1>Jobs</h1>
        <RequireRole role="operator">
          <a className="button button-primary" href="#/jobs/new">New job</a>
        </RequireRole>
      </header>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          State
          <select value={state} onChange={(e) => { setState(e.target.value); setPage(0); }}>
            <option value="">Any</option>
            {JOB_STATES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </select>
        </label>
        <label>
          Name
          <input type="search" value={search} placeholder="Search by name" onChange={(e) => { setSearch(e.target.value); setPage(0); }} />
        </label>
      </form>
      <ErrorMessage error={jobs.error} onRetry={jobs.reload} />
      {!jobs.data && jobs.loading && <Loading what="jobs" />}
      {jobs.data && jobs.data.items.length === 0 && <Empty>No jobs match. {state || search ? 'Clear the filters to see all jobs.' : 'Create one to distribute an artifact.'}</Empty>}
      {jobs.data && jobs.data.items.length > 0 && (
        <>
          <table className="table">
            <thead>
              <tr><th>Name</th><th>State</th><th className="wide">Progress</th><th>Agents</th><th className="num">Delivered</th><th>Created</th></tr>
            </thead>
            <tbody>
              {jobs.data.items.map((job) => (
                <tr key={job.id}>
                  <td><Link to={`/jobs/${job.id}`}>{jobTitle(job)}</Link></td>
                  <td><StateBadge state={job.state} /></td>
                  <td><JobProgressCell name={jobTitle(job)} state={job.state} percent={job.summary?.percent ?? 0} /></td>
                  <td className="num">{job.summary?.totalTargets ?? 0}</td>
                  <td className="num">{formatBytes(job.summary?.bytesDone ?? 0)}</td>
                  <td>{formatTime(job.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} size={PAGE_SIZE} total={jobs.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
