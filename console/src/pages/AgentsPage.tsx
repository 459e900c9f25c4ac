import { useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import { AGENT_STATES, type AgentState } from '../api/models';
import { Pager } from '../components/Pager';
import { Empty, ErrorMessage, Loading, StateBadge } from '../components/Status';
import { useSites } from '../sites/useSiteNames';
import { formatTime } from '../format';
import { Link } from '../router';
import { useDebounced } from '../useDebounced';
import { useLoad } from '../useLoad';

const PAGE_SIZE = 50;

/** Whether an agent reports in: online or offline while active, otherwise its state (enrolling, revoked). */
export function OnlineBadge({ online, state }: { online: boolean; state: AgentState }) {
  if (state !== 'ACTIVE') return <StateBadge state={state} />;
  return <StateBadge state={online ? 'online' : 'offline'} />;
}

/** The agent inventory, filterable by site, label, state and host name. */
export function AgentsPage() {
  const { api } = useAuth();
  const sites = useSites();
  const [filter, setFilter] = useState({ siteId: '', label: '', state: '', q: '' });
  const [page, setPage] = useState(0);
  const query = useDebounced(filter);
  const agents = useLoad(
    () => endpoints.agents(api, { ...query, label: query.label.trim(), q: query.q.trim(), page, size: PAGE_SIZE }),
    [api, query, page],
  );
  const change = (key: keyof typeof filter, value: string) => {
    setFilter((f) => ({ ...f, [key]: value }));
    setPage(0);
  };

  return (
    <section>
      <header className="page-header"><h1>Agents</h1></header>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Site
          <select value={filter.siteId} onChange={(e) => change('siteId', e.target.value)}>
            <option value="">Any</option>
            {sites.data?.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label>
          State
          <select value={filter.state} onChange={(e) => change('state', e.target.value)}>
            <option value="">Any</option>
            {AGENT_STATES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </select>
        </label>
        <label>
          Label
          <input value={filter.label} onChange={(e) => change('label', e.target.value)} />
        </label>
        <label>
          Host
          <input type="search" value={filter.q} placeholder="Host name" onChange={(e) => change('q', e.target.value)} />
        </label>
      </form>
      <ErrorMessage error={agents.error ?? sites.error} onRetry={() => { agents.reload(); sites.reload(); }} />
      {!agents.data && agents.loading && <Loading what="agents" />}
      {agents.data && agents.data.items.length === 0 && <Empty>No agents{Object.values(filter).some(Boolean) ? ' match' : ' are enrolled yet'}.</Empty>}
      {agents.data && agents.data.items.length > 0 && (
        <>
          <table className="table">
            <thead>
              <tr><th>Host</th><th>Site</th><th>Labels</th><th>Status</th><th>Version</th><th>Last seen</th></tr>
            </thead>
            <tbody>
              {agents.data.items.map((a) => (
                <tr key={a.id}>
                  <td><Link to={`/agents/${a.id}`}>{a.hostname}</Link></td>
                  <td>{sites.nameOf(a.siteId)}</td>
                  <td>{a.labels.map((l) => <span key={l} className="tag">{l}</span>)}</td>
                  <td><OnlineBadge online={a.online} state={a.state} /></td>
                  <td>{a.agentVersion ?? '—'}</td>
                  <td>{formatTime(a.lastSeenAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} size={PAGE_SIZE} total={agents.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
