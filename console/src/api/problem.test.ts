import { describe, expect, it } from 'vitest';
import { networkError, problemToError, responseToError } from './problem';

const problemResponse = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });

describe('problem+json errors', () => {
  it('lists field messages and maps them by field', async () => {
    const error = await responseToError(problemResponse(422, {
      title: 'Invalid request', status: 422, code: 'invalid', detail: 'the request has 2 invalid field(s)',
      errors: [{ field: 'name', message: 'name is required' }, { field: 'subnets[0]', message: "'x' is not CIDR notation" }],
    }));
    expect(error.message).toBe("Invalid request: name is required; 'x' is not CIDR notation");
    expect(error.fields).toEqual({ name: 'name is required', 'subnets[0]': "'x' is not CIDR notation" });
    expect(error.code).toBe('invalid');
  });

  it('uses title and detail of a problem without field errors', async () => {
    const error = await responseToError(problemResponse(409, { title: 'Conflict', detail: 'job is COMPLETED; cannot pause', code: 'conflict' }));
    expect(error.message).toBe('Conflict: job is COMPLETED; cannot pause');
    expect(error.status).toBe(409);
  });

  it('explains a bare status when the body is not a problem', async () => {
    const error = await responseToError(new Response('<html>', { status: 403, headers: { 'Content-Type': 'text/html' } }));
    expect(error.message).toBe('HTTP 403: Your role does not allow this action.');
  });

  it('names unreachable servers', () => {
    expect(networkError(new TypeError('Failed to fetch')).message).toMatch(/^Cannot reach the control plane: Failed to fetch/);
    expect(problemToError(500, null).status).toBe(500);
  });
});
