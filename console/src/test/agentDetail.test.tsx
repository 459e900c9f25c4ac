import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Agent, AgentJob, Page } from '../api/models';
import { AgentDetailPage } from '../pages/AgentDetailPage';
import { renderSignedIn, stubApi } from './signedIn';

const agent = {
  id: 'a1', clientId: 'agent-a1', hostname: 'ws-0042', machineId: '3f2a9c', siteId: null, labels: [], agentVersion: '0.1.0',
  state: 'ACTIVE', lastSeenAt: null, online: true, enrolledAt: '2026-11-25T10:00:00Z', revokedAt: null,
} satisfies Agent;

const row: AgentJob = {
  jobId: '0b9c7a52-0000-4000-8000-000000000001', jobName: null, jobState: 'RUNNING', artifactId: 'art', jobCreatedAt: '2026-11-25T10:00:00Z',
  target: {
    agentId: 'a1', hostname: 'ws-0042', siteId: null, state: 'DOWNLOADING', bytesDone: 40, bytesTotal: 100, percent: 40,
    bytesFromPeers: 30, bytesFromOrigin: 10, errorCode: null, errorMessage: null, startedAt: null, updatedAt: null, finishedAt: null,
  },
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('agent detail', () => {
  it("lists the agent's active jobs from its own endpoint and shows its machine id", async () => {
    const page: Page<AgentJob> = { items: [row], page: 0, size: 25, total: 1 };
    const fetcher = stubApi({ '/api/v1/agents/a1/jobs': page, '/api/v1/agents/a1': agent, '/api/v1/sites': [] });
    renderSignedIn(<AgentDetailPage id="a1" />, ['viewer']);
    expect(await screen.findByRole('link', { name: 'Job 0b9c7a52' })).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Progress of Job 0b9c7a52 on this agent' }).getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByText('3f2a9c')).toBeTruthy();
    const urls = fetcher.mock.calls.map(([url]) => String(url));
    expect(urls).toContain('/api/v1/agents/a1/jobs?active=true&page=0&size=25');
    expect(urls.some((url) => url.startsWith('/api/v1/jobs'))).toBe(false);
  });

  it('shows an enrolling agent with a neutral badge and no revoke button', async () => {
    stubApi({ '/api/v1/agents/a1/jobs': { items: [], page: 0, size: 25, total: 0 }, '/api/v1/agents/a1': { ...agent, state: 'ENROLLING', online: false }, '/api/v1/sites': [] });
    renderSignedIn(<AgentDetailPage id="a1" />, ['admin']);
    expect(await screen.findByText('enrolling', { selector: '.badge-enrolling' })).toBeTruthy();
    expect(await screen.findByText('No active job targets this agent.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Revoke agent' })).toBeNull();
  });
});
