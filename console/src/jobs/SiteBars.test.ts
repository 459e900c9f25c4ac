import { describe, expect, it } from 'vitest';
import type { JobSite, JobSummary } from '../api/models';
import { siteBars, siteNameIn } from './SiteBars';

const summary = (completed: number, total: number, bytesDone: number, percent: number): JobSummary => ({
  targets: { QUEUED: 0, DOWNLOADING: total - completed, VERIFYING: 0, COMPLETED: completed, FAILED: 0, CANCELLED: 0 },
  totalTargets: total, bytesDone, bytesTotal: total * 100, bytesFromPeers: bytesDone, bytesFromOrigin: 0, percent,
});

const sites: JobSite[] = [
  { siteId: 's1', siteName: 'Berlin', onlineAgents: 3, summary: summary(1, 4, 250, 62.5) },
  { siteId: null, siteName: null, onlineAgents: 0, summary: { ...summary(0, 1, 0, 0), targets: {} } },
];

describe('siteBars', () => {
  it("takes agents, completed agents and the bar from each site's summary, in the control plane's order", () => {
    expect(siteBars(sites)).toEqual([
      { key: 's1', name: 'Berlin', label: 'Progress at Berlin', agents: 4, completed: 1, online: 3, bytesDone: 250, bytesTotal: 400, percent: 62.5 },
      { key: '', name: 'No site', label: 'Progress at agents without a site', agents: 1, completed: 0, online: 0, bytesDone: 0, bytesTotal: 100, percent: 0 },
    ]);
  });
});

describe('siteNameIn', () => {
  it("names a target's site from the job's sites", () => {
    const nameOf = siteNameIn(sites);
    expect([nameOf('s1'), nameOf(null), nameOf('0b9c7a52-ffff')]).toEqual(['Berlin', '—', '0b9c7a52']);
    expect(siteNameIn(undefined)('s1')).toBe('s1');
  });
});
