import type { ApiClient } from './client';
import { describeError } from './problem';

/**
 * SseParser cuts a text/event-stream into the data of its events. It keeps a partial event between chunks and ignores
 * comments, ids and event names (the job stream only sends data).
 */
export class SseParser {
  private buffer = '';

  push(chunk: string): string[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const events: string[] = [];
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''));
      if (data.length) events.push(data.join('\n'));
      end = this.buffer.indexOf('\n\n');
    }
    return events;
  }
}

export type StreamStatus = { state: 'connecting' } | { state: 'live' } | { state: 'retrying'; reason: string; inMs: number };

/** Backoff after the n-th failure in a row: 1 s, 2 s, 4 s ... at most 30 s. */
export function retryDelay(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}

/**
 * Follows an SSE endpoint with fetch and a ReadableStream (EventSource cannot send an Authorization header), parsing
 * each event as JSON and reconnecting with backoff when the stream ends or fails. Returns a function that stops it.
 */
export function followStream<T>(
  api: ApiClient,
  path: string,
  onEvent: (event: T) => void,
  onStatus: (status: StreamStatus) => void,
): () => void {
  const controller = new AbortController();
  let failures = 0;

  const connect = async (): Promise<void> => {
    onStatus({ state: 'connecting' });
    try {
      const response = await api.raw('GET', path, undefined, 'text/event-stream', controller.signal);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      onStatus({ state: 'live' });
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const data of parser.push(value)) {
          failures = 0;
          onEvent(JSON.parse(data) as T);
        }
      }
      throw new Error('the stream ended');
    } catch (error) {
      if (controller.signal.aborted) return;
      failures += 1;
      const inMs = retryDelay(failures);
      onStatus({ state: 'retrying', reason: describeError(error), inMs });
      setTimeout(() => {
        if (!controller.signal.aborted) void connect();
      }, inMs);
    }
  };

  void connect();
  return () => controller.abort();
}
