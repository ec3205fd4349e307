// One error type for everything the API can fail with, so callers switch on `code`, never on messages.
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'DATABASE_UNAVAILABLE'
  | 'NETWORK_ERROR'
  | 'INTERNAL_SERVER_ERROR';

const KNOWN_CODES: readonly string[] = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'DATABASE_UNAVAILABLE',
  'NETWORK_ERROR',
  'INTERNAL_SERVER_ERROR',
];

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number | null;

  constructor(code: ApiErrorCode, message: string, status: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

export function toErrorCode(raw: unknown): ApiErrorCode {
  return typeof raw === 'string' && KNOWN_CODES.includes(raw)
    ? (raw as ApiErrorCode)
    : 'INTERNAL_SERVER_ERROR';
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
