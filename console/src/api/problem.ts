/** One invalid field of a problem+json `errors` array. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem details body as the control plane writes it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: FieldError[];
}

/**
 * ApiError is a failed API call with a message a person can act on; `fields` maps field names to their messages for
 * forms. `status` is 0 when the control plane could not be reached at all.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly fields: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const STATUS_HINTS: Record<number, string> = {
  401: 'Your sign-in was not accepted; sign in again.',
  403: 'Your role does not allow this action.',
  404: 'It does not exist (any more).',
  502: 'The control plane is not reachable through the proxy.',
  503: 'The control plane is not ready yet; try again in a moment.',
};

/** Turns a problem body (or none) and an HTTP status into an ApiError. */
export function problemToError(status: number, problem: Problem | null): ApiError {
  const fields: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    fields[e.field] = fields[e.field] ? `${fields[e.field]}; ${e.message}` : e.message;
  }
  const title = problem?.title ?? `HTTP ${status}`;
  const detail = problem?.errors?.length
    ? problem.errors.map((e) => e.message).join('; ')
    : problem?.detail ?? STATUS_HINTS[status] ?? 'The control plane answered with an error.';
  return new ApiError(`${title}: ${detail}`, status, problem?.code, fields);
}

/** Reads a failed response: problem+json when it carries one, otherwise the status alone. */
export async function responseToError(response: Response): Promise<ApiError> {
  const type = response.headers.get('Content-Type') ?? '';
  let problem: Problem | null = null;
  if (type.includes('json')) {
    problem = (await response.json().catch(() => null)) as Problem | null;
  }
  return problemToError(response.status, problem);
}

/** The error for a request that never got an answer. */
export function networkError(cause: unknown): ApiError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(`Cannot reach the control plane: ${reason}. Check your connection and try again.`, 0, undefined, {});
}

/** A readable message for anything a call may throw. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
