import { useId, type ReactElement, cloneElement } from 'react';

/**
 * A labelled form control with its hint and error message, wired up with aria-describedby and aria-invalid so screen
 * readers announce both.
 */
export function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string; children: ReactElement<Record<string, unknown>> }) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined })}
      {hint && <small id={`${id}-hint`} className="hint">{hint}</small>}
      {error && <small id={`${id}-error`} className="field-error">{error}</small>}
    </div>
  );
}

/** Files server field errors (e.g. "targets.labels[1]") under the form's own keys, by longest matching prefix. */
export function fieldErrors(server: Record<string, string>, keys: string[]): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [field, message] of Object.entries(server)) {
    const key = keys.filter((k) => field === k || field.startsWith(`${k}.`) || field.startsWith(`${k}[`)).sort((a, b) => b.length - a.length)[0];
    if (key) mapped[key] = mapped[key] ? `${mapped[key]}; ${message}` : message;
  }
  return mapped;
}
