import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryStats } from '../api/models';
import { DashboardPage } from '../pages/DashboardPage';
import { renderSignedIn, stubApi } from './signedIn';

const day: DeliveryStats = { window: '24h', since: '2026-11-25T00:00:00Z', bytesFromPeers: 3 * 1024 ** 3, bytesFromOrigin: 1024 ** 3, targets: 8, targetsCompleted: 8 };
const week: DeliveryStats = { ...day, window: '7d', bytesFromPeers: 9 * 1024 ** 3 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('dashboard', () => {
  it('shows what the LAN saved over the last 24 h by default and over 7 days on request', async () => {
    const fetcher = stubApi({
      '/api/v1/stats/delivery?window=24h': day, '/api/v1/stats/delivery?window=7d': week,
      '/api/v1/jobs': { items: [], page: 0, size: 50, total: 0 }, '/api/v1/sites': [],
    });
    renderSignedIn(<DashboardPage />, ['viewer']);

    expect(await screen.findByRole('img', { name: '75 % of delivered bytes came from peers' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Last 24 h' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Last 7 days' }));

    expect(await screen.findByRole('img', { name: '90 % of delivered bytes came from peers' })).toBeTruthy();
    expect(fetcher.mock.calls.map(([url]) => String(url))).toContain('/api/v1/stats/delivery?window=7d');
  });
});
