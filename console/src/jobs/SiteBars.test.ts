import { describe, expect, it } from 'vitest';
import type { JobTarget } from '../api/models';
import { bySite } from './SiteBars';

const row = (siteId: string, state: JobTarget['state'], bytesDone: number, bytesTotal: number | null) =>
  ({ siteId, state, bytesDone, bytesTotal }) as unknown as JobTarget;

describe('bySite', () => {
  it('sums bytes and completed agents per site, counting the artifact size for targets that did not report yet', () => {
    const sites = bySite([row('a', 'COMPLETED', 100, 100), row('a', 'DOWNLOADING', 50, 100), row('b', 'QUEUED', 0, null)], 100);
    expect(sites).toEqual([
      { siteId: 'a', done: 150, total: 200, agents: 2, completed: 1, percent: 75 },
      { siteId: 'b', done: 0, total: 100, agents: 1, completed: 0, percent: 0 },
    ]);
  });
});
