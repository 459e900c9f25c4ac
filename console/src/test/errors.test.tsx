import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SitesPage } from '../pages/SitesPage';
import { JobsPage } from '../pages/JobsPage';
import { renderSignedIn, stubApi } from './signedIn';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('errors on pages', () => {
  it('shows a failed load readably with a way to retry', async () => {
    stubApi({});
    renderSignedIn(<JobsPage />, ['viewer']);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not found: no route /api/v1/jobs');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('puts server field errors under the site form fields', async () => {
    const fetcher = stubApi({ '/api/v1/sites': [] });
    renderSignedIn(<SitesPage />, ['admin']);
    fireEvent.click(await screen.findByRole('button', { name: 'New site' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Berlin' } });
    fireEvent.change(screen.getByLabelText('Subnets'), { target: { value: '10.20.0.0/16' } });
    fireEvent.change(screen.getByLabelText('WAN budget (Mbit/s)'), { target: { value: '50' } });
    fetcher.mockImplementationOnce(async () => new Response(JSON.stringify({
      title: 'Conflict', status: 409, code: 'conflict', detail: 'the request has 1 invalid field(s)',
      errors: [{ field: 'subnets', message: '10.20.0.0/16 overlaps 10.0.0.0/8 of site Aachen' }],
    }), { status: 409, headers: { 'Content-Type': 'application/problem+json' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Create site' }));
    await waitFor(() => expect(screen.getByLabelText('Subnets').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText('10.20.0.0/16 overlaps 10.0.0.0/8 of site Aachen').length).toBeGreaterThan(0);
  });

  it('checks CIDR notation before sending', async () => {
    const fetcher = stubApi({ '/api/v1/sites': [] });
    renderSignedIn(<SitesPage />, ['admin']);
    fireEvent.click(await screen.findByRole('button', { name: 'New site' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Berlin' } });
    fireEvent.change(screen.getByLabelText('Subnets'), { target: { value: '10.20.30.0/16' } });
    fireEvent.change(screen.getByLabelText('WAN budget (Mbit/s)'), { target: { value: '50' } });
    const calls = fetcher.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Create site' }));
    expect(await screen.findByText("'10.20.30.0/16' has host bits set; did you mean 10.20.0.0/16?")).toBeTruthy();
    expect(fetcher.mock.calls.length).toBe(calls);
  });
});
