import { describe, expect, it } from 'vitest';
import type { JobTarget } from '../api/models';
import { visibleTargets } from './TargetsTable';

const row = (hostname: string, siteId: string, state: JobTarget['state'], percent: number) =>
  ({ agentId: hostname, hostname, siteId, state, percent, bytesDone: 0, bytesTotal: 100, bytesFromPeers: percent, bytesFromOrigin: 0, updatedAt: null }) as unknown as JobTarget;

const rows = [row('ws-b', 's1', 'DOWNLOADING', 40), row('ws-a', 's2', 'FAILED', 10), row('kiosk-1', 's1', 'COMPLETED', 100)];
const names = (id: string | null) => ({ s1: 'Berlin', s2: 'Aachen' })[id ?? ''] ?? '—';

describe('visibleTargets', () => {
  it('filters by state, site and host name', () => {
    const sort = { key: 'hostname' as const, asc: true };
    expect(visibleTargets(rows, { state: '', siteId: 's1', host: '' }, sort, names).map((t) => t.hostname)).toEqual(['kiosk-1', 'ws-b']);
    expect(visibleTargets(rows, { state: 'FAILED', siteId: '', host: '' }, sort, names).map((t) => t.hostname)).toEqual(['ws-a']);
    expect(visibleTargets(rows, { state: '', siteId: '', host: 'WS' }, sort, names)).toHaveLength(2);
  });

  it('sorts numbers numerically and sites by name', () => {
    const none = { state: '', siteId: '', host: '' };
    expect(visibleTargets(rows, none, { key: 'percent', asc: false }, names).map((t) => t.percent)).toEqual([100, 40, 10]);
    expect(visibleTargets(rows, none, { key: 'site', asc: true }, names)[0].hostname).toBe('ws-a');
  });
});
