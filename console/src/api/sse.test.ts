import { describe, expect, it } from 'vitest';
import { retryDelay, SseParser } from './sse';

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
