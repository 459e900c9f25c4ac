import type { Job, JobProgress } from '../api/models';

/** One point of the delivered-bytes chart: cumulative bytes from peers and from the origin at `at` (epoch ms). */
export interface Sample {
  at: number;
  peers: number;
  origin: number;
}

/** A job's live progress: the latest figures, the history the chart draws, and the server time of the last update. */
export interface ProgressState {
  latest: JobProgress | null;
  samples: Sample[];
  streamedAt: number;
}

export type ProgressEvent = { type: 'loaded'; job: Job; at: number } | { type: 'progress'; progress: JobProgress };

/** The most samples kept: at one update a second, the last hour. */
export const MAX_SAMPLES = 3600;

export const initialProgress: ProgressState = { latest: null, samples: [], streamedAt: 0 };

/** The progress a freshly loaded job shows before its stream delivers anything. */
export function progressOf(job: Job, at: number): JobProgress {
  const s = job.summary;
  return {
    jobId: job.id, state: job.state, targets: s?.targets ?? {}, bytesDone: s?.bytesDone ?? 0, bytesTotal: s?.bytesTotal ?? 0,
    bytesFromPeers: s?.bytesFromPeers ?? 0, bytesFromOrigin: s?.bytesFromOrigin ?? 0, percent: s?.percent ?? 0, at,
  };
}

/**
 * Folds loaded jobs (initial load, answers to actions) and stream updates into the progress state. Stream updates are
 * ordered by the server's clock: one older than the last is dropped (a reconnect replays the current state first).
 * A loaded job replaces the figures but adds to the history only when it is empty, so the chart's time axis stays on
 * the server's clock. The history keeps at most MAX_SAMPLES points.
 */
export function progressReducer(state: ProgressState, event: ProgressEvent): ProgressState {
  if (event.type === 'loaded') {
    const latest = progressOf(event.job, event.at);
    const samples = state.samples.length ? state.samples : [{ at: event.at, peers: latest.bytesFromPeers, origin: latest.bytesFromOrigin }];
    return { ...state, latest, samples };
  }
  const { progress } = event;
  if (progress.at < state.streamedAt) return state;
  const sample = { at: progress.at, peers: progress.bytesFromPeers, origin: progress.bytesFromOrigin };
  const history = state.streamedAt ? state.samples : [];
  return { latest: progress, samples: [...history, sample].slice(-MAX_SAMPLES), streamedAt: progress.at };
}
