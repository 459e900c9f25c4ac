import { useMemo, useState } from 'react';
import { TARGET_STATES, type JobTarget } from '../api/models';
import { ProgressBar } from '../components/ProgressBar';
import { Empty, StateBadge } from '../components/Status';
import { formatBytes, formatTime } from '../format';
import { Link } from '../router';

type SortKey = 'hostname' | 'site' | 'state' | 'percent' | 'bytesFromPeers' | 'bytesFromOrigin' | 'updatedAt';

const COLUMNS: { key: SortKey; label: string; num?: boolean }[] = [
  { key: 'hostname', label: 'Agent' },
  { key: 'site', label: 'Site' },
  { key: 'state', label: 'State' },
  { key: 'percent', label: 'Progress' },
  { key: 'bytesFromPeers', label: 'From peers', num: true },
  { key: 'bytesFromOrigin', label: 'From origin', num: true },
  { key: 'updatedAt', label: 'Updated' },
];

/** Filters and sorts target rows; exported for its test. */
export function visibleTargets(rows: JobTarget[], filter: { state: string; siteId: string; host: string }, sort: { key: SortKey; asc: boolean }, siteName: (id: string | null) => string) {
  const host = filter.host.trim().toLowerCase();
  const value = (t: JobTarget): string | number => (sort.key === 'site' ? siteName(t.siteId) : sort.key === 'updatedAt' ? t.updatedAt ?? '' : t[sort.key]);
  return rows
    .filter((t) => (!filter.state || t.state === filter.state) && (!filter.siteId || t.siteId === filter.siteId) && (!host || t.hostname.toLowerCase().includes(host)))
    .sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.asc ? order : -order;
    });
}

/** The per-agent rows of a job, sortable by any column and filterable by state, site and host name. */
export function TargetsTable({ rows, siteName }: { rows: JobTarget[]; siteName: (id: string | null) => string }) {
  const [filter, setFilter] = useState({ state: '', siteId: '', host: '' });
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'hostname', asc: true });
  const siteIds = useMemo(() => [...new Set(rows.map((r) => r.siteId).filter((id): id is string => id !== null))], [rows]);
  const visible = visibleTargets(rows, filter, sort, siteName);

  const toggle = (key: SortKey) => setSort((s) => ({ key, asc: s.key === key ? !s.asc : true }));

  return (
    <>
      <form className="filters" role="search" aria-label="Filter agents" onSubmit={(e) => e.preventDefault()}>
        <label>
          State
          <select value={filter.state} onChange={(e) => setFilter({ ...filter, state: e.target.value })}>
            <option value="">Any</option>
            {TARGET_STATES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </select>
        </label>
        <label>
          Site
          <select value={filter.siteId} onChange={(e) => setFilter({ ...filter, siteId: e.target.value })}>
            <option value="">Any</option>
            {siteIds.map((id) => <option key={id} value={id}>{siteName(id)}</option>)}
          </select>
        </label>
        <label>
          Host
          <input type="search" value={filter.host} placeholder="Host name" onChange={(e) => setFilter({ ...filter, host: e.target.value })} />
        </label>
      </form>
      {visible.length === 0 ? <Empty>No agents match.</Empty> : (
        <table className="table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} className={c.num ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="sort" onClick={() => toggle(c.key)}>
                    {c.label}{sort.key === c.key ? (sort.asc ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
              <th>Error</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((t) => (
              <tr key={t.agentId}>
                <td><Link to={`/agents/${t.agentId}`}>{t.hostname}</Link></td>
                <td>{siteName(t.siteId)}</td>
                <td><StateBadge state={t.state} /></td>
                <td><ProgressBar percent={t.percent} label={`Progress of ${t.hostname}`} tone={t.state === 'FAILED' ? 'failed' : t.state === 'COMPLETED' ? 'done' : 'default'} /></td>
                <td className="num">{formatBytes(t.bytesFromPeers)}</td>
                <td className="num">{formatBytes(t.bytesFromOrigin)}</td>
                <td>{formatTime(t.updatedAt)}</td>
                <td>{t.errorMessage ? <span className="error-text" title={t.errorCode ?? undefined}>{t.errorMessage}</span> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
