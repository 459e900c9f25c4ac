import { describe, expect, it } from 'vitest';
import type { Site } from '../api/models';
import { agentsPerSite } from './DashboardPage';

const site = (id: string, name: string, online: number, offline: number, revoked: number) => ({ id, name, agents: { online, offline, revoked } }) as Site;

describe('agentsPerSite', () => {
  it("lists every site by name with the control plane's agent counts", () => {
    expect(agentsPerSite([site('b', 'Berlin', 2, 1, 0), site('a', 'Aachen', 0, 0, 3)])).toEqual([
      { id: 'a', name: 'Aachen', online: 0, offline: 0, revoked: 3 },
      { id: 'b', name: 'Berlin', online: 2, offline: 1, revoked: 0 },
    ]);
  });
});
