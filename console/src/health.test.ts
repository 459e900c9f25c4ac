import { describe, expect, it } from 'vitest';
import { fetchHealth } from './health';

const respond = (status: number, body: unknown) =>
  (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe('fetchHealth', () => {
  it('reports up when every check is up', async () => {
    expect(await fetchHealth(respond(200, { status: 'UP', checks: [] }))).toEqual({ state: 'up' });
  });

  it('names the failing checks when the control plane is not ready', async () => {
    const health = await fetchHealth(
      respond(503, { status: 'DOWN', checks: [{ name: 'Database connections health check', status: 'UP' }, { name: 'Kafka', status: 'DOWN' }] }),
    );
    expect(health).toEqual({ state: 'down', reason: 'not ready: Kafka' });
  });

  it('reports a network failure instead of throwing', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await fetchHealth(failing)).toEqual({ state: 'down', reason: 'Failed to fetch' });
  });
});
