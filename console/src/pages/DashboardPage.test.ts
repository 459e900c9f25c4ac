import { describe, expect, it } from 'vitest';
import type { Agent } from '../api/models';
import { agentsBySite } from './DashboardPage';

const agent = (siteId: string | null, online: boolean, state: Agent['state'] = 'ACTIVE') => ({ siteId, online, state }) as Agent;

describe('agentsBySite', () => {
  it('counts online and offline agents per site and leaves revoked agents out', () => {
    const counts = agentsBySite([agent('a', true), agent('a', false), agent('a', true), agent(null, false), agent('b', false, 'REVOKED')]);
    expect(Object.fromEntries(counts)).toEqual({ a: { online: 2, offline: 1 }, '': { online: 0, offline: 1 } });
  });
});
