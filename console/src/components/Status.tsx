import type { ReactNode } from 'react';
import { describeError } from '../api/problem';

/** A failed load or action, announced to screen readers. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div role="alert" className="alert alert-error">
      <span>{describeError(error)}</span>
      {onRetry && <button type="button" className="button-link" onClick={onRetry}>Try again</button>}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return <p className="muted" role="status">Loading {what}…</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** A state name as a coloured pill: green done, blue moving, amber held, red failed, grey otherwise. */
export function StateBadge({ state }: { state: string }) {
  return <span className={`badge badge-${state.toLowerCase()}`}>{state.toLowerCase()}</span>;
}
