import { useState } from 'react';
import { useAuth, RequireRole } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import type { Artifact } from '../api/models';
import { ErrorMessage } from '../components/Status';

/** Download the .torrent and delete, for operators; the server refuses deleting an artifact an active job uses (409). */
export function ArtifactActions({ artifact, onDeleted }: { artifact: Artifact; onDeleted: () => void }) {
  const { api } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const label = `${artifact.name} ${artifact.version}`;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const remove = () => run(async () => {
    if (!window.confirm(`Delete ${label}? Its payload is removed from the server.`)) return;
    await endpoints.deleteArtifact(api, artifact.id);
    onDeleted();
  });

  return (
    <RequireRole role="operator">
      <div className="actions actions-inline">
        {artifact.state === 'READY' && (
          <button type="button" disabled={busy} aria-label={`Download .torrent of ${label}`} onClick={() => run(() => endpoints.downloadTorrent(api, artifact))}>.torrent</button>
        )}
        {(artifact.state === 'READY' || artifact.state === 'FAILED') && (
          <button type="button" className="button-danger" disabled={busy} aria-label={`Delete ${label}`} onClick={remove}>Delete</button>
        )}
      </div>
      <ErrorMessage error={error} />
    </RequireRole>
  );
}
