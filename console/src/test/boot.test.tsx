import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { TEST_CONSOLE_CONFIG } from './authConfig';
import { stubApi } from './signedIn';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const unavailable = async () => new Response(JSON.stringify({ title: 'Service unavailable', detail: 'the control plane is starting' }), {
  status: 503, headers: { 'Content-Type': 'application/problem+json' },
});

describe('console start', () => {
  it('says when the sign-in settings cannot be read and tries again on request', async () => {
    const fetcher = stubApi({ '/api/v1/console-config': TEST_CONSOLE_CONFIG, '/q/health/ready': { status: 'UP' } });
    fetcher.mockImplementationOnce(unavailable);
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('Service unavailable: the control plane is starting');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(String(fetcher.mock.calls[1][0])).toBe('/api/v1/console-config');
  });

  it("shows the control plane's version to a signed-in user", async () => {
    const claims = btoa(JSON.stringify({ preferred_username: 'viewer', roles: ['viewer'] })).replace(/=+$/, '');
    sessionStorage.setItem('branchcast.tokens', JSON.stringify({ accessToken: `h.${claims}.s`, expiresAt: Date.now() + 300_000 }));
    stubApi({ '/api/v1/console-config': TEST_CONSOLE_CONFIG, '/api/v1/jobs': { items: [], page: 0, size: 50, total: 0 }, '/api/v1/sites': [] });
    render(<App />);
    expect((await screen.findByRole('contentinfo')).textContent).toBe('Branchcast 0.1.0-SNAPSHOT');
  });
});
