import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from './client';
import { followStream, retryDelay, SseParser, type StreamStatus } from './sse';

describe('SseParser', () => {
  it('joins events split across chunks and skips comments', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\ndata: {"a"')).toEqual([]);
    expect(parser.push(':1}\n\ndata: {"b":2}\r\n\r\n')).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('joins multi-line data with newlines', () => {
    expect(new SseParser().push('event: progress\ndata: one\ndata: two\n\n')).toEqual(['one\ntwo']);
  });
});

describe('retryDelay', () => {
  it('backs off exponentially up to 30 s', () => {
    expect([1, 2, 3, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 30_000]);
  });
});

describe('followStream', () => {
  const streamOf = (text: string) => new Response(new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  }), { status: 200, headers: { 'Content-Type': 'text/event-stream' } });

  it('parses events and reconnects with backoff after a failure or the end of the stream', async () => {
    vi.useFakeTimers();
    const raw = vi.fn()
      .mockRejectedValueOnce(new Error('Cannot reach the control plane'))
      .mockResolvedValueOnce(streamOf('data: {"percent":10}\n\n'))
      .mockImplementation(() => new Promise(() => undefined));
    const api = { raw } as unknown as ApiClient;
    const events: unknown[] = [];
    const statuses: StreamStatus[] = [];
    const stop = followStream(api, '/api/v1/jobs/j/stream', (e) => events.push(e), (s) => statuses.push(s));

    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toEqual({ state: 'retrying', reason: 'Cannot reach the control plane', inMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual([{ percent: 10 }]);
    expect(statuses.at(-1)).toMatchObject({ state: 'retrying', reason: 'the stream ended', inMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(raw).toHaveBeenCalledTimes(3);
    expect(raw.mock.calls[0].slice(0, 4)).toEqual(['GET', '/api/v1/jobs/j/stream', undefined, 'text/event-stream']);
    stop();
    vi.useRealTimers();
  });
});
