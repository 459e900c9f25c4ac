import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withQuery } from '../api/client';
import type { JobSite, JobTarget, Page } from '../api/models';
import { renderSignedIn, stubApi } from '../test/signedIn';
import { targetQuery, TargetsTable } from './TargetsTable';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const none = { state: '', siteId: '', host: '' };

describe('targetQuery', () => {
  it("maps the table's filter, column order and page to the control plane's parameters", () => {
    const path = (query: ReturnType<typeof targetQuery>) => withQuery('/t', query);
    expect(path(targetQuery(none, { by: 'host', asc: true }, 0))).toBe('/t?sort=host&order=asc&page=0&size=50');
    expect(path(targetQuery({ state: 'FAILED', siteId: 's1', host: '  ws-0 ' }, { by: 'progress', asc: false }, 2)))
      .toBe('/t?state=FAILED&siteId=s1&host=ws-0&sort=progress&order=desc&page=2&size=50');
  });
});

const row = { agentId: 'a1', hostname: 'ws-0042', siteId: 's1', state: 'DOWNLOADING', bytesDone: 40, bytesTotal: 100, percent: 40, bytesFromPeers: 30, bytesFromOrigin: 10,
  errorCode: null, errorMessage: null, startedAt: null, updatedAt: null, finishedAt: null } satisfies JobTarget;
const sites = [{ siteId: 's1', siteName: 'Berlin', onlineAgents: 1, summary: {} }] as unknown as JobSite[];

describe('TargetsTable', () => {
  it('asks the control plane to sort and filter, and marks the sorted column', async () => {
    const page: Page<JobTarget> = { items: [row], page: 0, size: 50, total: 1 };
    const fetcher = stubApi({ '/api/v1/jobs/j1/targets': page });
    renderSignedIn(<TargetsTable jobId="j1" sites={sites} refresh={0} />, ['viewer']);
    expect(await screen.findByRole('link', { name: 'ws-0042' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Berlin' })).toBeTruthy();
    const lastUrl = () => String(fetcher.mock.calls.at(-1)![0]);
    expect(lastUrl()).toBe('/api/v1/jobs/j1/targets?sort=host&order=asc&page=0&size=50');
    expect(screen.getByRole('columnheader', { name: /Agent/ }).getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(screen.getByRole('button', { name: 'Progress' }));
    await waitFor(() => expect(lastUrl()).toContain('sort=progress&order=asc'));
    fireEvent.click(await screen.findByRole('button', { name: 'Progress' }));
    await waitFor(() => expect(lastUrl()).toContain('sort=progress&order=desc'));
    expect(screen.getByRole('columnheader', { name: /Progress/ }).getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('columnheader', { name: /Agent/ }).getAttribute('aria-sort')).toBe('none');

    fireEvent.change(screen.getByLabelText('Site'), { target: { value: 's1' } });
    await waitFor(() => expect(lastUrl()).toContain('siteId=s1'));
    const calls = fetcher.mock.calls.length;
    fireEvent.change(screen.getByLabelText('Host'), { target: { value: 'w' } });
    fireEvent.change(screen.getByLabelText('Host'), { target: { value: 'ws' } });
    await waitFor(() => expect(lastUrl()).toBe('/api/v1/jobs/j1/targets?siteId=s1&host=ws&sort=progress&order=desc&page=0&size=50'));
    expect(fetcher.mock.calls.length).toBe(calls + 1);
  });

  it('says when no agent matches', async () => {
    stubApi({ '/api/v1/jobs/j1/targets': { items: [], page: 0, size: 50, total: 0 } });
    renderSignedIn(<TargetsTable jobId="j1" sites={sites} refresh={0} />, ['viewer']);
    expect(await screen.findByText('No agents are targeted yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'FAILED' } });
    expect(await screen.findByText('No agents match.')).toBeTruthy();
  });

  it('steps back to the last page with rows when live updates shrink the filtered set', async () => {
    const fetcher = stubApi({ '/api/v1/jobs/j1/targets': { items: [row], page: 0, size: 50, total: 120 } });
    renderSignedIn(<TargetsTable jobId="j1" sites={sites} refresh={0} />, ['viewer']);
    const next = await screen.findByRole('button', { name: 'Next' });
    fetcher.mockImplementation(async () => new Response(JSON.stringify({ items: [], page: 1, size: 50, total: 40 }), { status: 200 }));
    fireEvent.click(next);
    await waitFor(() => expect(fetcher.mock.calls.map(([url]) => String(url).match(/page=\d/)?.[0])).toEqual(['page=0', 'page=1', 'page=0']));
  });
});
