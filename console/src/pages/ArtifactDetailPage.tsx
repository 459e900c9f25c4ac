import { useEffect } from 'react';
import { useAuth } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import { ArtifactActions } from '../artifacts/ArtifactActions';
import { ProgressBar } from '../components/ProgressBar';
import { ErrorMessage, Loading, StateBadge } from '../components/Status';
import { formatBytes, formatTime } from '../format';
import { Link, navigate } from '../router';
import { useLoad } from '../useLoad';

/** While hashing, the artifact is re-read this often (hashedBytes grows about once a second). */
const HASHING_POLL_MS = 2000;

/** One artifact and its signed manifest's facts: hashes, pieces, who uploaded it when. */
export function ArtifactDetailPage({ id }: { id: string }) {
  const { api } = useAuth();
  const artifact = useLoad(() => endpoints.artifact(api, id), [api, id]);
  const a = artifact.data;
  const { reload } = artifact;

  useEffect(() => {
    if (a?.state !== 'HASHING') return undefined;
    const timer = setTimeout(reload, HASHING_POLL_MS);
    return () => clearTimeout(timer);
  }, [a, reload]);

  if (artifact.error) return <ErrorMessage error={artifact.error} onRetry={reload} />;
  if (!a) return <Loading what="the artifact" />;
  return (
    <section>
      <p className="breadcrumb"><Link to="/artifacts">Artifacts</Link> /</p>
      <header className="page-header">
        <h1>{a.name} <span className="muted">{a.version}</span> <StateBadge state={a.state} /></h1>
        <ArtifactActions artifact={a} onDeleted={() => navigate('/artifacts')} />
      </header>
      {a.state === 'HASHING' && a.sizeBytes !== null && (
        <div className="card"><h2>Hashing</h2><ProgressBar percent={(a.hashedBytes * 100) / Math.max(1, a.sizeBytes)} label="Hashing progress" /></div>
      )}
      {a.failure && <div role="alert" className="alert alert-error">{a.failure}</div>}
      <div className="card">
        <h2>Manifest</h2>
        <dl className="facts">
          <dt>Size</dt><dd>{formatBytes(a.sizeBytes)} {a.sizeBytes !== null && <span className="muted">({a.sizeBytes.toLocaleString()} bytes)</span>}</dd>
          <dt>SHA-256</dt><dd className="mono">{a.sha256 ?? '—'}</dd>
          <dt>Info hash</dt><dd className="mono">{a.infoHash ?? '—'}</dd>
          <dt>Pieces</dt><dd>{a.pieceCount !== null ? `${a.pieceCount.toLocaleString()} × ${formatBytes(a.pieceLength)}` : '—'}</dd>
          <dt>Uploaded</dt><dd>{formatTime(a.createdAt)} by {a.createdBy}</dd>
          <dt>Ready</dt><dd>{formatTime(a.readyAt)}</dd>
          <dt>Id</dt><dd className="mono">{a.id}</dd>
        </dl>
      </div>
    </section>
  );
}
