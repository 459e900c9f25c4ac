import { useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import type { AuditEvent } from '../api/models';
import { Pager } from '../components/Pager';
import { Empty, ErrorMessage, Loading } from '../components/Status';
import { formatTime } from '../format';
import { useDebounced } from '../useDebounced';
import { useLoad } from '../useLoad';

const PAGE_SIZE = 50;

/** The before/after snapshots of one event, folded away until asked for. */
function Change({ event }: { event: AuditEvent }) {
  if (event.before == null && event.after == null) return null;
  return (
    <details>
      <summary>Changes</summary>
      <div className="diff">
        {event.before != null && <pre aria-label="Before">{JSON.stringify(event.before, null, 2)}</pre>}
        {event.after != null && <pre aria-label="After">{JSON.stringify(event.after, null, 2)}</pre>}
      </div>
    </details>
  );
}

/** The audit log, newest first, filterable by actor, action, target and time. Admins only. */
export function AuditPage() {
  const { api } = useAuth();
  const [filter, setFilter] = useState({ actor: '', action: '', targetType: '', targetId: '', since: '' });
  const [page, setPage] = useState(0);
  const query = useDebounced(filter);
  const events = useLoad(() => endpoints.audit(api, {
    actor: query.actor.trim(), action: query.action.trim(), targetType: query.targetType.trim(), targetId: query.targetId.trim(),
    since: query.since ? new Date(query.since).toISOString() : '', page, size: PAGE_SIZE,
  }), [api, query, page]);
  const change = (key: keyof typeof filter, value: string) => {
    setFilter((f) => ({ ...f, [key]: value }));
    setPage(0);
  };

  return (
    <section>
      <header className="page-header"><h1>Audit log</h1></header>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>Actor <input value={filter.actor} onChange={(e) => change('actor', e.target.value)} /></label>
        <label>Action <input value={filter.action} placeholder="e.g. job.create" onChange={(e) => change('action', e.target.value)} /></label>
        <label>Target type <input value={filter.targetType} placeholder="e.g. site" onChange={(e) => change('targetType', e.target.value)} /></label>
        <label>Target id <input value={filter.targetId} onChange={(e) => change('targetId', e.target.value)} /></label>
        <label>Since <input type="datetime-local" value={filter.since} onChange={(e) => change('since', e.target.value)} /></label>
      </form>
      <ErrorMessage error={events.error} onRetry={events.reload} />
      {!events.data && events.loading && <Loading what="the audit log" />}
      {events.data && events.data.items.length === 0 && <Empty>No audit events match.</Empty>}
      {events.data && events.data.items.length > 0 && (
        <>
          <table className="table">
            <thead><tr><th>When</th><th>Actor</th><th>Action</th><th>Target</th><th>Details</th></tr></thead>
            <tbody>
              {events.data.items.map((e) => (
                <tr key={e.id}>
                  <td>{formatTime(e.at)}</td>
                  <td>{e.actor}</td>
                  <td className="mono">{e.action}</td>
                  <td>{e.targetType} <span className="mono muted">{e.targetId}</span></td>
                  <td><Change event={e} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} size={PAGE_SIZE} total={events.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
