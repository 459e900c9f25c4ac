import { ProgressBar } from '../components/ProgressBar';
import type { JobState } from '../api/models';

const TONES: Partial<Record<JobState, 'paused' | 'failed' | 'done'>> = { PAUSED: 'paused', FAILED: 'failed', CANCELLED: 'failed', COMPLETED: 'done' };

/** A job's overall progress bar, coloured by its state. */
export function JobProgressCell({ name, state, percent }: { name: string; state: JobState; percent: number }) {
  return <ProgressBar percent={percent} label={`Progress of ${name}`} tone={TONES[state] ?? 'default'} />;
}
