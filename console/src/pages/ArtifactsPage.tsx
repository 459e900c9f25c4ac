import { useState } from 'react';
import { useAuth, RequireRole } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import { ARTIFACT_STATES } from '../api/models';
import { ArtifactActions } from '../artifacts/ArtifactActions';
import { UploadForm } from '../artifacts/UploadForm';
import { Pager } from '../components/Pager';
import { Empty, ErrorMessage, Loading, StateBadge } from '../components/Status';
import { formatBytes, formatTime } from '../format';
import { Link } from '../router';
import { useDebounced } from '../useDebounced';
import { useLoad } from '../useLoad';

const PAGE_SIZE = 25;

/** Artifacts newest first, with upload for operators. */
export function ArtifactsPage() {
  const { api } = useAuth();
  const [name, setName] = useState('');
  const [state, setState] = useState('');
  const [page, setPage] = useState(0);
  const exactName = useDebounced(name.trim());
  const artifacts = useLoad(() => endpoints.artifacts(api, { name: exactName, state, page, size: PAGE_SIZE }), [api, exactName, state, page]);

  return (
    <section>
      <header className="page-header"><h1>Artifacts</h1></header>
      <RequireRole role="operator">
        <UploadForm onUploaded={() => { setPage(0); artifacts.reload(); }} />
      </RequireRole>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          State
          <select value={state} onChange={(e) => { setState(e.target.value); setPage(0); }}>
            <option value="">Any</option>
            {ARTIFACT_STATES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </select>
        </label>
        <label>
          Exact name
          <input type="search" value={name} onChange={(e) => { setName(e.target.value); setPage(0); }} />
        </label>
      </form>
      <ErrorMessage error={artifacts.error} onRetry={artifacts.reload} />
      {!artifacts.data && artifacts.loading && <Loading what="artifacts" />}
      {artifacts.data && artifacts.data.items.length === 0 && <Empty>No artifacts{name || state ? ' match' : ' yet'}.</Empty>}
      {artifacts.data && artifacts.data.items.length > 0 && (
        <>
          <table className="table">
            <thead>
              <tr><th>Name</th><th>Version</th><th>State</th><th className="num">Size</th><th>Uploaded</th><th>By</th><th><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody>
              {artifacts.data.items.map((a) => (
                <tr key={a.id}>
                  <td><Link to={`/artifacts/${a.id}`}>{a.name}</Link></td>
                  <td>{a.version}</td>
                  <td><StateBadge state={a.state} /></td>
                  <td className="num">{formatBytes(a.sizeBytes)}</td>
                  <td>{formatTime(a.createdAt)}</td>
                  <td>{a.createdBy}</td>
                  <td><ArtifactActions artifact={a} onDeleted={artifacts.reload} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} size={PAGE_SIZE} total={artifacts.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
