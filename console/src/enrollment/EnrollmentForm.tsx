import { useState } from 'react';
import type { EnrollmentTokenRequest, Site } from '../api/models';
import { Field } from '../components/Field';
import { useFormSubmit } from '../components/useFormSubmit';
import { ErrorMessage } from '../components/Status';
import { emptyEnrollmentForm, MAX_EXPIRY_HOURS, MAX_USES, toEnrollmentRequest, validateEnrollment, type EnrollmentForm as Form } from './validation';

const FORM_KEYS = ['siteId', 'expiresInSeconds', 'maxUses', 'labels'];

/** Creates an enrollment token for a site: how long it is valid, how many machines it may enroll, their labels. */
export function EnrollmentForm({ sites, onSubmit }: { sites: Site[]; onSubmit: (request: EnrollmentTokenRequest) => Promise<void> }) {
  const [form, setForm] = useState<Form>({ ...emptyEnrollmentForm, siteId: sites.length === 1 ? sites[0].id : '' });
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const { errors, failure, saving, submit } = useFormSubmit(() => validateEnrollment(form),
    () => onSubmit(toEnrollmentRequest(form)), FORM_KEYS);

  return (
    <form className="card form" noValidate onSubmit={submit} aria-label="Create enrollment token">
      <ErrorMessage error={failure} />
      <div className="row">
        <Field label="Site" error={errors.siteId} hint="Agents enrolled with this token belong to this site.">
          <select value={form.siteId} onChange={(e) => set('siteId', e.target.value)}>
            <option value="">Choose a site…</option>
            {sites.map((site) => <option key={site.id} value={site.id}>{site.name}</option>)}
          </select>
        </Field>
        <Field label="Valid for (hours)" error={errors.expiresInSeconds} hint={`1 to ${MAX_EXPIRY_HOURS} hours.`}>
          <input type="number" min="1" max={MAX_EXPIRY_HOURS} step="1" inputMode="numeric" value={form.expiresInHours} onChange={(e) => set('expiresInHours', e.target.value)} />
        </Field>
        <Field label="Machines" error={errors.maxUses} hint={`How many machines may enroll with it (up to ${MAX_USES.toLocaleString('en')}).`}>
          <input type="number" min="1" max={MAX_USES} step="1" inputMode="numeric" value={form.maxUses} onChange={(e) => set('maxUses', e.target.value)} />
        </Field>
      </div>
      <Field label="Labels" error={errors.labels} hint="Optional, comma- or space-separated; every agent enrolled with this token carries them.">
        <input value={form.labels} onChange={(e) => set('labels', e.target.value)} />
      </Field>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={saving}>{saving ? 'Creating…' : 'Create token'}</button>
      </div>
    </form>
  );
}
