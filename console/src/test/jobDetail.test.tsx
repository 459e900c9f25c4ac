import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job, JobSite } from '../api/models';
import { JobDetailPage } from '../pages/JobDetailPage';
import { renderSignedIn, stubApi } from './signedIn';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const summary = { targets: { DOWNLOADING: 3, COMPLETED: 1 }, totalTargets: 4, bytesDone: 250, bytesTotal: 400, bytesFromPeers: 200, bytesFromOrigin: 50, percent: 62.5 };
const job = {
  id: 'j1', name: 'Win11 rollout', artifactId: 'art', state: 'RUNNING', createdAt: '2026-11-25T10:00:00Z', createdBy: 'operator', startAt: null,
  deadline: null, wanCapBytesPerSecond: null, summary,
} as unknown as Job;
const sites: JobSite[] = [{ siteId: 's1', siteName: 'Berlin', onlineAgents: 3, summary }];

describe('job detail', () => {
  it("draws a bar per site from the job's site rollup", async () => {
    const fetcher = stubApi({ '/api/v1/jobs/j1/sites': sites, '/api/v1/jobs/j1/targets': { items: [], page: 0, size: 50, total: 0 }, '/api/v1/jobs/j1': job });
    renderSignedIn(<JobDetailPage id="j1" />, ['viewer']);
    const bar = await screen.findByRole('progressbar', { name: 'Progress at Berlin' });
    expect(bar.getAttribute('aria-valuenow')).toBe('63');
    expect(screen.getByText('1/4 agents · 3 online · 250 B of 400 B')).toBeTruthy();
    expect(fetcher.mock.calls.some(([url]) => String(url).includes('size=500'))).toBe(false);
  });
});
