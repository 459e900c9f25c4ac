import { describe, expect, it } from 'vitest';
import { emptyJobForm, toJobRequest, validateJob } from './validation';

const now = Date.parse('2026-11-25T12:00:00');

describe('validateJob', () => {
  it('asks for an artifact and at least one target', () => {
    expect(validateJob(emptyJobForm, now)).toEqual({ artifactId: 'Choose an artifact.', targets: 'Choose at least one site, label or agent.' });
  });

  it('checks labels, agent ids, the deadline and the WAN cap', () => {
    const errors = validateJob({
      ...emptyJobForm, artifactId: 'a', labels: 'kiosk, -bad', agentIds: 'nope', startAt: '2026-12-01T19:00', deadline: '2026-12-01T18:00', wanCapMbps: '-1',
    }, now);
    expect(Object.keys(errors).sort()).toEqual(['deadline', 'targets.agentIds', 'targets.labels', 'wanCapBytesPerSecond']);
    expect(errors['targets.labels']).toContain('"-bad"');
  });

  it('accepts a valid form and converts Mbit/s to bytes per second', () => {
    const form = { ...emptyJobForm, artifactId: 'a', siteIds: ['s'], labels: 'kiosk', wanCapMbps: '20' };
    expect(validateJob(form, now)).toEqual({});
    expect(toJobRequest(form)).toMatchObject({ artifactId: 'a', targets: { siteIds: ['s'], labels: ['kiosk'], agentIds: [] }, wanCapBytesPerSecond: 2_500_000, draft: false });
  });
});
