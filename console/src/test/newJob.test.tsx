import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewJobPage } from '../pages/NewJobPage';
import { renderSignedIn, stubApi } from './signedIn';

const artifact = { id: 'a1', name: 'win11.wim', version: '23H2', state: 'READY', sizeBytes: 6 * 1024 ** 3 };
const site = { id: 's1', name: 'Berlin', subnets: ['10.20.0.0/16'], wanBudgetBytesPerSecond: 2_500_000, transferWindows: [] };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('New job', () => {
  it('counts the selected agents live and shows server field errors at their inputs', async () => {
    const fetcher = stubApi({
      '/api/v1/artifacts': { items: [artifact], page: 0, size: 200, total: 1 },
      '/api/v1/sites': [site],
      '/api/v1/jobs/target-preview': { agents: 12 },
    });
    renderSignedIn(<NewJobPage />, ['operator']);
    fireEvent.change(await screen.findByLabelText('Artifact'), { target: { value: 'a1' } });
    fireEvent.click(screen.getByLabelText('Berlin'));
    expect(await screen.findByText('active agents selected', { exact: false })).toBeTruthy();
    expect(screen.getByText('12').tagName).toBe('STRONG');

    fetcher.mockImplementationOnce(async () => new Response(JSON.stringify({
      title: 'Invalid request', status: 422, code: 'invalid', detail: 'the request has 1 invalid field(s)',
      errors: [{ field: 'wanCapBytesPerSecond', message: 'wanCapBytesPerSecond is above 100 Gbit/s; is the unit bytes per second?' }],
    }), { status: 422, headers: { 'Content-Type': 'application/problem+json' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Create job' }));
    await waitFor(() => expect(screen.getByLabelText('WAN cap (Mbit/s)').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('alert').textContent).toContain('Invalid request: wanCapBytesPerSecond is above 100 Gbit/s');
  });

  it('explains what is missing before sending anything', async () => {
    stubApi({ '/api/v1/artifacts': { items: [artifact], page: 0, size: 200, total: 1 }, '/api/v1/sites': [site] });
    renderSignedIn(<NewJobPage />, ['operator']);
    fireEvent.click(await screen.findByRole('button', { name: 'Create job' }));
    expect(screen.getByText('Choose an artifact.')).toBeTruthy();
    expect(screen.getByText('Choose at least one site, label or agent.')).toBeTruthy();
  });
});
