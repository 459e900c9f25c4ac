import { useState } from 'react';
import { useAuth, RequireRole } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import type { Job, JobAction, JobState } from '../api/models';
import { ErrorMessage } from '../components/Status';

/** Which actions a job in a given state accepts (JobTransitions on the server); retry only with failed targets. */
export function actionsFor(state: JobState, failedTargets: number): JobAction[] {
  const actions: JobAction[] = [];
  if (state === 'DRAFT') actions.push('schedule');
  if (state === 'SCHEDULED' || state === 'RUNNING') actions.push('pause');
  if (state === 'PAUSED') actions.push('resume');
  if (failedTargets > 0 && (state === 'FAILED' || state === 'RUNNING')) actions.push('retry');
  if (state === 'DRAFT' || state === 'SCHEDULED' || state === 'RUNNING' || state === 'PAUSED') actions.push('cancel');
  return actions;
}

const LABELS: Record<JobAction, string> = { schedule: 'Schedule', pause: 'Pause', resume: 'Resume', retry: 'Retry failed', cancel: 'Cancel job' };

/** The operator's buttons for a job; hidden from viewers. */
export function JobActions({ job, state, failedTargets, onDone }: { job: Job; state: JobState; failedTargets: number; onDone: (job: Job) => void }) {
  const { api } = useAuth();
  const [busy, setBusy] = useState<JobAction | null>(null);
  const [error, setError] = useState<unknown>(null);

  const act = async (action: JobAction) => {
    if (action === 'cancel' && !window.confirm('Cancel this job? Agents stop and delete their partial downloads.')) return;
    setBusy(action);
    setError(null);
    try {
      onDone(await endpoints.actOnJob(api, job.id, action));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  return (
    <RequireRole role="operator">
      <div className="actions">
        {actionsFor(state, failedTargets).map((action) => (
          <button key={action} type="button" disabled={busy !== null} className={action === 'cancel' ? 'button-danger' : undefined} onClick={() => act(action)}>
            {busy === action ? `${LABELS[action]}…` : LABELS[action]}
          </button>
        ))}
      </div>
      <ErrorMessage error={error} />
    </RequireRole>
  );
}
