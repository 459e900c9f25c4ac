import { useState } from 'react';
import { DAYS, type DayOfWeek, type SiteRequest } from '../api/models';
import { Field } from '../components/Field';
import { useFormSubmit } from '../components/useFormSubmit';
import { ErrorMessage } from '../components/Status';
import { toSiteRequest, validateSite, type SiteForm as Form, type WindowForm } from './validation';

const FORM_KEYS = ['name', 'subnets', 'wanBudgetBytesPerSecond', 'transferWindows', ...Array.from({ length: 16 }, (_, i) => `transferWindows[${i}]`)];

/** One weekly transfer window: days, start and end in the site's local time. */
function WindowRow({ index, value, error, onChange, onRemove }: { index: number; value: WindowForm; error?: string; onChange: (w: WindowForm) => void; onRemove: () => void }) {
  const toggle = (day: DayOfWeek) => onChange({ ...value, days: value.days.includes(day) ? value.days.filter((d) => d !== day) : [...value.days, day] });
  return (
    <fieldset className={`window${error ? ' field-invalid' : ''}`}>
      <legend>Window {index + 1}</legend>
      <div className="checks">
        {DAYS.map((day) => (
          <label key={day} className="check">
            <input type="checkbox" checked={value.days.includes(day)} onChange={() => toggle(day)} /> {day.slice(0, 3).toLowerCase()}
          </label>
        ))}
      </div>
      <label>From <input type="time" value={value.start} onChange={(e) => onChange({ ...value, start: e.target.value })} /></label>
      <label>to <input type="time" value={value.end} onChange={(e) => onChange({ ...value, end: e.target.value })} /></label>
      <button type="button" className="button-link" onClick={onRemove}>Remove window {index + 1}</button>
      {error && <small className="field-error">{error}</small>}
    </fieldset>
  );
}

/** Creates or edits a site; validates subnets as CIDR like the server and shows the server's field errors too. */
export function SiteForm({ initial, submitLabel, onSubmit, onCancel }: { initial: Form; submitLabel: string; onSubmit: (request: SiteRequest) => Promise<void>; onCancel: () => void }) {
  const [form, setForm] = useState<Form>(initial);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const { errors, failure, saving, submit } = useFormSubmit(() => validateSite(form), () => onSubmit(toSiteRequest(form)), FORM_KEYS);

  return (
    <form className="card form" noValidate onSubmit={submit} aria-label={submitLabel}>
      <ErrorMessage error={failure} />
      <div className="row">
        <Field label="Name" error={errors.name}>
          <input value={form.name} maxLength={100} autoFocus onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label="WAN budget (Mbit/s)" error={errors.wanBudgetBytesPerSecond} hint="What Branchcast may use of the office's WAN link.">
          <input type="number" min="0" step="any" inputMode="decimal" value={form.wanBudgetMbps} onChange={(e) => set('wanBudgetMbps', e.target.value)} />
        </Field>
      </div>
      <Field label="Subnets" error={errors.subnets} hint="One per line in CIDR notation, e.g. 10.20.0.0/16; agents are placed by their address.">
        <textarea rows={3} value={form.subnets} onChange={(e) => set('subnets', e.target.value)} />
      </Field>
      <div className="field">
        <span className="label">Transfer windows</span>
        <small className="hint">When origin (WAN) transfers may run, in the site's local time; an end before the start runs past midnight. None: any time.</small>
        {errors.transferWindows && <small className="field-error">{errors.transferWindows}</small>}
        {form.windows.map((w, i) => (
          <WindowRow key={i} index={i} value={w} error={errors[`transferWindows[${i}]`]}
            onChange={(next) => set('windows', form.windows.map((old, j) => (j === i ? next : old)))}
            onRemove={() => set('windows', form.windows.filter((_, j) => j !== i))} />
        ))}
        <button type="button" disabled={form.windows.length >= 16} onClick={() => set('windows', [...form.windows, { days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], start: '19:00', end: '06:00' }])}>
          Add window
        </button>
      </div>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={saving}>{saving ? 'Saving…' : submitLabel}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
