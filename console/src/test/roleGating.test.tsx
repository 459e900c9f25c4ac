import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job, Page } from '../api/models';
import { Layout } from '../Layout';
import { JobActions } from '../jobs/JobActions';
import { JobsPage } from '../pages/JobsPage';
import { renderSignedIn, stubApi } from './signedIn';

const job = {
  id: '0b9c7a52-0000-4000-8000-000000000001', name: 'Win11 rollout', state: 'RUNNING', createdAt: '2026-11-25T10:00:00Z',
  summary: { targets: { DOWNLOADING: 3 }, totalTargets: 3, bytesDone: 10, bytesTotal: 30, bytesFromPeers: 5, bytesFromOrigin: 5, percent: 33.3 },
} as unknown as Job;
const page: Page<Job> = { items: [job], page: 0, size: 25, total: 1 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('role gating', () => {
  it('hides the New job button from viewers', async () => {
    stubApi({ '/api/v1/jobs': page });
    renderSignedIn(<JobsPage />, ['viewer']);
    expect(await screen.findByRole('link', { name: 'Win11 rollout' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'New job' })).toBeNull();
  });

  it('shows the New job button to operators', async () => {
    stubApi({ '/api/v1/jobs': page });
    renderSignedIn(<JobsPage />, ['viewer', 'operator']);
    expect(await screen.findByRole('link', { name: 'New job' })).toBeTruthy();
  });

  it('gives job actions to operators only', () => {
    renderSignedIn(<JobActions job={job} state="RUNNING" failedTargets={0} onDone={() => undefined} />, ['viewer']);
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    cleanup();
    renderSignedIn(<JobActions job={job} state="RUNNING" failedTargets={0} onDone={() => undefined} />, ['operator']);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel job' })).toBeTruthy();
  });

  it('shows the audit log in the navigation to admins only', () => {
    renderSignedIn(<Layout>page</Layout>, ['operator']);
    expect(screen.queryByRole('link', { name: 'Audit log' })).toBeNull();
    expect(screen.getByText('operator', { selector: '.role' })).toBeTruthy();
    cleanup();
    renderSignedIn(<Layout>page</Layout>, ['admin']);
    expect(screen.getByRole('link', { name: 'Audit log' })).toBeTruthy();
  });
});

describe('navigation', () => {
  it('moves focus to the page after a route change', async () => {
    window.location.hash = '/';
    renderSignedIn(<Layout>page</Layout>, ['viewer']);
    expect(document.activeElement).not.toBe(screen.getByRole('main'));
    window.location.hash = '/jobs';
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('main')));
    expect(screen.getByRole('link', { name: 'Jobs' }).getAttribute('aria-current')).toBe('page');
  });
});
