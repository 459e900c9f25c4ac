import type { Job, JobProgress } from '../api/models';

/** One point of the delivered-bytes chart: cumulative bytes from peers and from the origin at `at` (epoch ms). */
export interface Sample {
  at: number;
  peers: number;
  origin: number;
}

/** A job's live progress: the latest figures and the history the chart draws. */
export interface ProgressState {
  latest: JobProgress | null;
  samples: Sample[];
}

export type ProgressEvent = { type: 'loaded'; job: Job; at: number } | { type: 'progress'; progress: JobProgress };

/** The most samples kept: at one update a second, the last hour. */
export const MAX_SAMPLES = 3600;

export const initialProgress: ProgressState = { latest: null, samples: [] };

/** The progress a freshly loaded job shows before its stream delivers anything. */
export function progressOf(job: Job, at: number): JobProgress {
  const s = job.summary;
  return {
    jobId: job.id, state: job.state, targets: s?.targets ?? {}, bytesDone: s?.bytesDone ?? 0, bytesTotal: s?.bytesTotal ?? 0,
    bytesFromPeers: s?.bytesFromPeers ?? 0, bytesFromOrigin: s?.bytesFromOrigin ?? 0, percent: s?.percent ?? 0, at,
  };
}

/**
 * Folds snapshots and stream updates into the progress state. Updates older than the latest are dropped (a reconnect
 * replays the current state first), and the history keeps at most MAX_SAMPLES points.
 */
export function progressReducer(state: ProgressState, event: ProgressEvent): ProgressState {
  const next = event.type === 'loaded' ? progressOf(event.job, event.at) : event.progress;
  if (state.latest && next.at < state.latest.at) return state;
  const sample = { at: next.at, peers: next.bytesFromPeers, origin: next.bytesFromOrigin };
  const last = state.samples[state.samples.length - 1];
  const unchanged = last && last.peers === sample.peers && last.origin === sample.origin && event.type === 'loaded';
  const samples = unchanged ? state.samples : [...state.samples, sample].slice(-MAX_SAMPLES);
  return { latest: next, samples };
}
