import { useRef, useState, type FormEvent } from 'react';
import { useAuth } from '../auth/AuthContext';
import { uploadArtifact, type Upload } from '../api/endpoints';
import type { Artifact } from '../api/models';
import { ApiError } from '../api/problem';
import { Field, fieldErrors } from '../components/Field';
import { ProgressBar } from '../components/ProgressBar';
import { ErrorMessage } from '../components/Status';
import { formatBytes } from '../format';
import { validateCoordinates } from './validation';

/** Uploads one file as a new artifact with a progress bar; the body streams, so multi-GiB files are fine. */
export function UploadForm({ onUploaded }: { onUploaded: (artifact: Artifact) => void }) {
  const { session } = useAuth();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<{ loaded: number; total: number } | null>(null);
  const upload = useRef<Upload | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    if (chosen && !name) setName(chosen.name);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = { ...validateCoordinates(name, version), ...(file ? {} : { file: 'Choose a file.' }) };
    if (file && file.size === 0) found.file = 'The file is empty.';
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length || !file) return;
    try {
      setSent({ loaded: 0, total: file.size });
      upload.current = uploadArtifact(await session.accessToken(), file, name, version, (loaded, total) => setSent({ loaded, total }));
      const artifact = await upload.current.done;
      setFile(null);
      setName('');
      setVersion('');
      if (fileInput.current) fileInput.current.value = '';
      onUploaded(artifact);
    } catch (error) {
      if (error instanceof ApiError) setErrors(fieldErrors(error.fields, ['name', 'version']));
      setFailure(error);
    } finally {
      upload.current = null;
      setSent(null);
    }
  };

  return (
    <form className="card form" noValidate onSubmit={submit} aria-label="Upload an artifact">
      <h2>Upload an artifact</h2>
      <ErrorMessage error={failure} />
      <div className="row">
        <Field label="File" error={errors.file} hint={file ? formatBytes(file.size) : undefined}>
          <input ref={fileInput} type="file" disabled={sent !== null} onChange={(e) => choose(e.target.files?.[0] ?? null)} />
        </Field>
        <Field label="Name" error={errors.name}>
          <input value={name} disabled={sent !== null} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Version" error={errors.version} hint="Versions are immutable: a name and version are never reused.">
          <input value={version} disabled={sent !== null} onChange={(e) => setVersion(e.target.value)} />
        </Field>
      </div>
      {sent && (
        <div aria-live="polite">
          <ProgressBar percent={sent.total ? (sent.loaded * 100) / sent.total : 0} label="Upload progress" />
          <p className="muted">
            {sent.loaded < sent.total ? `${formatBytes(sent.loaded)} of ${formatBytes(sent.total)} sent` : 'Sent; the control plane is finishing the manifest…'}
          </p>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={sent !== null}>Upload</button>
        {sent && <button type="button" onClick={() => upload.current?.abort()}>Cancel upload</button>}
      </div>
    </form>
  );
}
