import { describe, expect, it, vi } from 'vitest';
import { ApiClient, withQuery } from './client';

describe('ApiClient', () => {
  it('sends the bearer token and parses JSON', async () => {
    const fetcher = vi.fn(async () => new Response(JSON.stringify({ agents: 3 }), { status: 200 }));
    const api = new ApiClient(async () => 'tok', fetcher as unknown as typeof fetch);
    expect(await api.post('/api/v1/jobs/target-preview', { siteIds: [] })).toEqual({ agents: 3 });
    const [, init] = fetcher.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(init.body).toBe('{"siteIds":[]}');
  });

  it('throws the problem as an ApiError', async () => {
    const fetcher = async () => new Response(JSON.stringify({ title: 'Not found', detail: 'no job 42' }), {
      status: 404, headers: { 'Content-Type': 'application/problem+json' },
    });
    const api = new ApiClient(async () => 'tok', fetcher as unknown as typeof fetch);
    await expect(api.get('/api/v1/jobs/42')).rejects.toThrow('Not found: no job 42');
  });

  it('turns a network failure into a readable error', async () => {
    const api = new ApiClient(async () => 'tok', (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch);
    await expect(api.delete('/api/v1/sites/1')).rejects.toThrow(/Cannot reach the control plane/);
  });

  it('leaves empty query values out', () => {
    expect(withQuery('/api/v1/jobs', { state: '', q: 'win 11', page: 0, artifactId: undefined })).toBe('/api/v1/jobs?q=win+11&page=0');
  });
});
