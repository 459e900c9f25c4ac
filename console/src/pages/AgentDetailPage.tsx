import { useState } from 'react';
import { RequireRole, useAuth } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import { Pager } from '../components/Pager';
import { ProgressBar } from '../components/ProgressBar';
import { Empty, ErrorMessage, Loading, StateBadge } from '../components/Status';
import { useSites } from '../sites/useSiteNames';
import { formatTime } from '../format';
import { Link } from '../router';
import { useLoad } from '../useLoad';
import { OnlineBadge } from './AgentsPage';
import { jobTitle } from './JobsPage';

const JOBS_PAGE_SIZE = 25;

/** One agent: its identity, labels, status, and the active jobs it works on. */
export function AgentDetailPage({ id }: { id: string }) {
  const { api } = useAuth();
  const sites = useSites();
  const agent = useLoad(() => endpoints.agent(api, id), [api, id]);
  const [jobsPage, setJobsPage] = useState(0);
  const jobs = useLoad(() => endpoints.agentJobs(api, id, { active: 'true', page: jobsPage, size: JOBS_PAGE_SIZE }), [api, id, jobsPage]);
  const a = agent.data;
  const [failure, setFailure] = useState<unknown>(null);

  const revoke = async () => {
    if (!a || !window.confirm(`Revoke ${a.hostname}? It loses Kafka, origin and tracker access at once and cannot rejoin without a new enrollment.`)) return;
    setFailure(null);
    try {
      await endpoints.revokeAgent(api, a.id);
      agent.reload();
    } catch (error) {
      setFailure(error);
    }
  };

  if (agent.error) return <ErrorMessage error={agent.error} onRetry={agent.reload} />;
  if (!a) return <Loading what="the agent" />;
  return (
    <section>
      <p className="breadcrumb"><Link to="/agents">Agents</Link> /</p>
      <header className="page-header">
        <h1>{a.hostname} <OnlineBadge online={a.online} state={a.state} /></h1>
        {a.state === 'ACTIVE' && (
          <RequireRole role="admin">
            <button type="button" className="button-danger" onClick={revoke}>Revoke agent</button>
          </RequireRole>
        )}
      </header>
      <ErrorMessage error={failure} />
      <div className="card">
        <dl className="facts">
          <dt>Site</dt><dd>{sites.nameOf(a.siteId)}</dd>
          <dt>Labels</dt><dd>{a.labels.length ? a.labels.map((l) => <span key={l} className="tag">{l}</span>) : '—'}</dd>
          <dt>Version</dt><dd>{a.agentVersion ?? '—'}</dd>
          <dt>Last seen</dt><dd>{formatTime(a.lastSeenAt)}</dd>
          <dt>Enrolled</dt><dd>{formatTime(a.enrolledAt)}</dd>
          {a.revokedAt && <><dt>Revoked</dt><dd>{formatTime(a.revokedAt)}</dd></>}
          <dt>Client id</dt><dd className="mono">{a.clientId}</dd>
          <dt>Machine id</dt><dd className="mono">{a.machineId}</dd>
        </dl>
      </div>
      <div className="card">
        <h2>Active jobs</h2>
        <ErrorMessage error={jobs.error} onRetry={jobs.reload} />
        {!jobs.data && !jobs.error && <Loading what="jobs" />}
        {jobs.data && jobs.data.items.length === 0 && <Empty>No active job targets this agent.</Empty>}
        {jobs.data && jobs.data.items.length > 0 && (
          <>
            <table className="table">
              <thead><tr><th>Job</th><th>Job state</th><th>Agent state</th><th className="wide">Progress</th><th>Updated</th></tr></thead>
              <tbody>
                {jobs.data.items.map(({ jobId, jobName, jobState, target }) => {
                  const title = jobTitle({ id: jobId, name: jobName });
                  return (
                    <tr key={jobId}>
                      <td><Link to={`/jobs/${jobId}`}>{title}</Link></td>
                      <td><StateBadge state={jobState} /></td>
                      <td><StateBadge state={target.state} /></td>
                      <td><ProgressBar percent={target.percent} label={`Progress of ${title} on this agent`} /></td>
                      <td>{formatTime(target.updatedAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <Pager page={jobsPage} size={JOBS_PAGE_SIZE} total={jobs.data.total} onPage={setJobsPage} />
          </>
        )}
      </div>
    </section>
  );
}
