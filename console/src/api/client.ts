import { networkError, problemToError, responseToError, type Problem } from './problem';

/** Supplies a valid access token for each request. */
export type TokenSource = () => Promise<string>;

/** Query parameters; empty and undefined values are left out. */
export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * ApiClient calls the control plane's REST API with the user's bearer token and turns every failure into an ApiError
 * with a readable message. It knows no endpoints; api/endpoints.ts does.
 */
export class ApiClient {
  constructor(private readonly token: TokenSource, private readonly fetcher: typeof fetch = (...args) => fetch(...args)) {}

  get<T>(path: string, query?: Query): Promise<T> {
    return this.send<T>('GET', withQuery(path, query));
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', path, body);
  }

  delete(path: string): Promise<void> {
    return this.send<void>('DELETE', path);
  }

  /** Downloads a protected file (the bearer token cannot ride on a plain link) and hands it to the browser. */
  async download(path: string, fallbackName: string): Promise<void> {
    const response = await this.raw('GET', path, undefined, '*/*');
    const blob = await response.blob();
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    URL.revokeObjectURL(url);
  }

  /** Opens a response without reading it (used by the SSE reader). */
  async raw(method: string, path: string, body?: unknown, accept = 'application/json', signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept, Authorization: `Bearer ${await this.token()}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetcher(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw networkError(error);
    }
    if (!response.ok) throw await responseToError(response);
    return response;
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.raw(method, path, body);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}

/** Parses the body of a failed XMLHttpRequest (uploads) like a fetch response. */
export function xhrError(xhr: XMLHttpRequest) {
  let problem: Problem | null = null;
  try {
    problem = JSON.parse(xhr.responseText) as Problem;
  } catch {
    problem = null;
  }
  return problemToError(xhr.status, problem);
}
