import { describe, expect, it } from 'vitest';
import type { Job, JobProgress } from '../api/models';
import { initialProgress, MAX_SAMPLES, progressReducer } from './progress';

const update = (at: number, peers: number, origin: number, state: JobProgress['state'] = 'RUNNING'): JobProgress => ({
  jobId: 'j', state, targets: { DOWNLOADING: 2 }, bytesDone: peers + origin, bytesTotal: 1000,
  bytesFromPeers: peers, bytesFromOrigin: origin, percent: (peers + origin) / 10, at,
});

const job = { id: 'j', state: 'SCHEDULED', summary: { targets: { QUEUED: 2 }, totalTargets: 2, bytesDone: 0, bytesTotal: 1000, bytesFromPeers: 0, bytesFromOrigin: 0, percent: 0 } } as unknown as Job;

describe('progressReducer', () => {
  it('starts from the loaded job, then charts the stream updates on the server clock', () => {
    let state = progressReducer(initialProgress, { type: 'loaded', job, at: 1 });
    expect(state.latest?.state).toBe('SCHEDULED');
    state = progressReducer(state, { type: 'progress', progress: update(2, 100, 50) });
    state = progressReducer(state, { type: 'progress', progress: update(3, 300, 60) });
    expect(state.latest?.percent).toBe(36);
    expect(state.samples).toEqual([{ at: 2, peers: 100, origin: 50 }, { at: 3, peers: 300, origin: 60 }]);
  });

  it('takes the state of a job an action returned without touching the history', () => {
    let state = progressReducer(initialProgress, { type: 'progress', progress: update(2, 100, 50) });
    state = progressReducer(state, { type: 'loaded', job: { ...job, state: 'PAUSED' }, at: 1 });
    expect(state.latest?.state).toBe('PAUSED');
    expect(state.samples).toEqual([{ at: 2, peers: 100, origin: 50 }]);
    state = progressReducer(state, { type: 'progress', progress: update(3, 120, 50, 'PAUSED') });
    expect(state.samples).toHaveLength(2);
  });

  it('drops updates older than the latest, as a reconnect replays the current state', () => {
    let state = progressReducer(initialProgress, { type: 'progress', progress: update(5, 500, 0, 'PAUSED') });
    state = progressReducer(state, { type: 'progress', progress: update(4, 400, 0) });
    expect(state.latest?.state).toBe('PAUSED');
    expect(state.samples).toHaveLength(1);
  });

  it('keeps a bounded history', () => {
    let state = initialProgress;
    for (let at = 0; at < MAX_SAMPLES + 10; at++) state = progressReducer(state, { type: 'progress', progress: update(at, at, 0) });
    expect(state.samples).toHaveLength(MAX_SAMPLES);
    expect(state.samples[0].at).toBe(10);
  });
});
