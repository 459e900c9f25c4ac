import { useEffect, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import type { Query } from '../api/client';
import { endpoints } from '../api/endpoints';
import { TARGET_STATES, type JobSite } from '../api/models';
import { Pager } from '../components/Pager';
import { ProgressBar } from '../components/ProgressBar';
import { Empty, ErrorMessage, Loading, StateBadge } from '../components/Status';
import { formatBytes, formatTime } from '../format';
import { Link } from '../router';
import { useDebounced } from '../useDebounced';
import { useLoad } from '../useLoad';
import { siteNameIn } from './SiteBars';

/** The orders GET /jobs/{id}/targets offers (`sort`). */
export type TargetSort = 'host' | 'site' | 'state' | 'progress' | 'peers' | 'origin' | 'updated';

export interface TargetFilter {
  state: string;
  siteId: string;
  host: string;
}

const PAGE_SIZE = 50;
/** The control plane refuses longer host searches; no host name is longer. */
const MAX_HOST_LENGTH = 253;

const COLUMNS: { sort: TargetSort; label: string; num?: boolean }[] = [
  { sort: 'host', label: 'Agent' },
  { sort: 'site', label: 'Site' },
  { sort: 'state', label: 'State' },
  { sort: 'progress', label: 'Progress' },
  { sort: 'peers', label: 'From peers', num: true },
  { sort: 'origin', label: 'From origin', num: true },
  { sort: 'updated', label: 'Updated' },
];

/** The query of one page of target rows, filtered and sorted by the control plane. */
export function targetQuery(filter: TargetFilter, sort: { by: TargetSort; asc: boolean }, page: number): Query {
  return { state: filter.state, siteId: filter.siteId, host: filter.host.trim(), sort: sort.by, order: sort.asc ? 'asc' : 'desc', page, size: PAGE_SIZE };
}

/**
 * The per-agent rows of a job, a page at a time, sortable by any column and filterable by state, site and host name;
 * the control plane filters and sorts. `refresh` changing reloads the page (live progress).
 */
export function TargetsTable({ jobId, sites, refresh }: { jobId: string; sites: JobSite[] | undefined; refresh: unknown }) {
  const { api } = useAuth();
  const [filter, setFilter] = useState<TargetFilter>({ state: '', siteId: '', host: '' });
  const [sort, setSort] = useState<{ by: TargetSort; asc: boolean }>({ by: 'host', asc: true });
  const [page, setPage] = useState(0);
  const host = useDebounced(filter.host);
  const query = targetQuery({ ...filter, host }, sort, page);
  const targets = useLoad(() => endpoints.jobTargets(api, jobId, query), [api, jobId, JSON.stringify(query), refresh]);
  const siteName = siteNameIn(sites);
  const total = targets.data?.total;
  useEffect(() => {
    // rows can leave a filtered state while live updates reload the page: step back to the last page that has rows
    if (total !== undefined && page > 0 && page * PAGE_SIZE >= total) setPage(Math.max(0, Math.ceil(total / PAGE_SIZE) - 1));
  }, [total, page]);

  const change = (key: keyof TargetFilter, value: string) => {
    setFilter((f) => ({ ...f, [key]: value }));
    setPage(0);
  };
  const toggle = (by: TargetSort) => {
    setSort((s) => ({ by, asc: s.by === by ? !s.asc : true }));
    setPage(0);
  };
  const filtered = Object.values(filter).some(Boolean);

  return (
    <>
      <form className="filters" role="search" aria-label="Filter agents" onSubmit={(e) => e.preventDefault()}>
        <label>
          State
          <select value={filter.state} onChange={(e) => change('state', e.target.value)}>
            <option value="">Any</option>
            {TARGET_STATES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </select>
        </label>
        <label>
          Site
          <select value={filter.siteId} onChange={(e) => change('siteId', e.target.value)}>
            <option value="">Any</option>
            {sites?.flatMap((s) => (s.siteId ? [<option key={s.siteId} value={s.siteId}>{s.siteName}</option>] : []))}
          </select>
        </label>
        <label>
          Host
          <input type="search" value={filter.host} maxLength={MAX_HOST_LENGTH} placeholder="Host name" onChange={(e) => change('host', e.target.value)} />
        </label>
      </form>
      <ErrorMessage error={targets.error} onRetry={targets.reload} />
      {!targets.data && !targets.error && <Loading what="agents" />}
      {targets.data && targets.data.items.length === 0 && <Empty>{filtered ? 'No agents match.' : 'No agents are targeted yet.'}</Empty>}
      {targets.data && targets.data.items.length > 0 && (
        <>
          <table className="table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.sort} className={c.num ? 'num' : undefined} aria-sort={sort.by === c.sort ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" className="sort" onClick={() => toggle(c.sort)}>
                      {c.label}{sort.by === c.sort && <span aria-hidden="true">{sort.asc ? ' ▲' : ' ▼'}</span>}
                    </button>
                  </th>
                ))}
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {targets.data.items.map((t) => (
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
          <Pager page={page} size={PAGE_SIZE} total={targets.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}
