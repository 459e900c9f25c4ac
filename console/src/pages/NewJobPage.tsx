import { useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import { describeError } from '../api/problem';
import { Field } from '../components/Field';
import { useFormSubmit } from '../components/useFormSubmit';
import { ErrorMessage, Loading } from '../components/Status';
import { useTargetPreview } from '../jobs/useTargetPreview';
import { emptyJobForm, targetsOf, toJobRequest, validateJob, type JobForm } from '../jobs/validation';
import { useSites } from '../sites/useSiteNames';
import { formatBytes } from '../format';
import { Link, navigate } from '../router';
import { useLoad } from '../useLoad';

const FORM_KEYS = ['name', 'artifactId', 'targets', 'targets.labels', 'targets.agentIds', 'targets.siteIds', 'startAt', 'deadline', 'wanCapBytesPerSecond'];

/** Creates a distribution job, counting the targeted agents live while the operator picks them. */
export function NewJobPage() {
  const { api } = useAuth();
  const artifacts = useLoad(() => endpoints.artifacts(api, { state: 'READY', size: 200 }), [api]);
  const sites = useSites();
  const [form, setForm] = useState<JobForm>(emptyJobForm);
  const preview = useTargetPreview(targetsOf(form));

  const set = <K extends keyof JobForm>(key: K, value: JobForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggleSite = (id: string) => set('siteIds', form.siteIds.includes(id) ? form.siteIds.filter((s) => s !== id) : [...form.siteIds, id]);

  const { errors, failure, saving, submit } = useFormSubmit(() => validateJob(form), async () => {
    const job = await endpoints.createJob(api, toJobRequest(form));
    navigate(`/jobs/${job.id}`);
  }, FORM_KEYS);

  if (artifacts.error || sites.error) return <ErrorMessage error={artifacts.error ?? sites.error} onRetry={() => { artifacts.reload(); sites.reload(); }} />;
  if (!artifacts.data || !sites.data) return <Loading what="artifacts and sites" />;

  return (
    <section>
      <p className="breadcrumb"><Link to="/jobs">Jobs</Link> /</p>
      <h1>New job</h1>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorMessage error={failure} />
        <Field label="Artifact" error={errors.artifactId} hint={artifacts.data.items.length ? undefined : 'No artifact is ready: upload one first.'}>
          <select value={form.artifactId} onChange={(e) => set('artifactId', e.target.value)}>
            <option value="">Choose…</option>
            {artifacts.data.items.map((a) => <option key={a.id} value={a.id}>{a.name} {a.version} ({formatBytes(a.sizeBytes)})</option>)}
          </select>
        </Field>
        <Field label="Name" error={errors.name} hint="Optional; shown in the job list.">
          <input value={form.name} maxLength={200} onChange={(e) => set('name', e.target.value)} />
        </Field>

        <fieldset className="targets" aria-describedby="target-count">
          <legend>Targets</legend>
          {errors.targets && <p className="field-error">{errors.targets}</p>}
          <div className="field">
            <span className="label">Sites</span>
            {sites.data.length === 0 ? <p className="muted">No sites yet.</p> : (
              <div className="checks">
                {sites.data.map((s) => (
                  <label key={s.id} className="check">
                    <input type="checkbox" checked={form.siteIds.includes(s.id)} onChange={() => toggleSite(s.id)} /> {s.name}
                  </label>
                ))}
              </div>
            )}
          </div>
          <Field label="Labels" error={errors['targets.labels']} hint="Agents must carry every label; comma-separated, e.g. kiosk, floor-2.">
            <input value={form.labels} onChange={(e) => set('labels', e.target.value)} />
          </Field>
          <Field label="Agent ids" error={errors['targets.agentIds']} hint="Individual agents, in addition; one id per line.">
            <textarea rows={2} value={form.agentIds} onChange={(e) => set('agentIds', e.target.value)} />
          </Field>
          <p id="target-count" className="count" aria-live="polite">
            {preview.state === 'idle' && 'Choose sites, labels or agents to see how many agents this job reaches.'}
            {preview.state === 'counting' && 'Counting agents…'}
            {preview.state === 'counted' && <><strong>{preview.agents}</strong> active {preview.agents === 1 ? 'agent' : 'agents'} selected</>}
            {preview.state === 'failed' && <span className="error-text">Cannot count agents: {describeError(preview.error)}</span>}
          </p>
        </fieldset>

        <div className="row">
          <Field label="Start" error={errors.startAt} hint="Your local time; empty starts at once.">
            <input type="datetime-local" value={form.startAt} onChange={(e) => set('startAt', e.target.value)} />
          </Field>
          <Field label="Deadline" error={errors.deadline} hint="Optional.">
            <input type="datetime-local" value={form.deadline} onChange={(e) => set('deadline', e.target.value)} />
          </Field>
          <Field label="WAN cap (Mbit/s)" error={errors.wanCapBytesPerSecond} hint="Optional; per site, below its budget.">
            <input type="number" min="0" step="any" inputMode="decimal" value={form.wanCapMbps} onChange={(e) => set('wanCapMbps', e.target.value)} />
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={form.draft} onChange={(e) => set('draft', e.target.checked)} /> Save as a draft (agents are not told until you schedule it)
        </label>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={saving}>{saving ? 'Creating…' : 'Create job'}</button>
          <a className="button" href="#/jobs">Cancel</a>
        </div>
      </form>
    </section>
  );
}
