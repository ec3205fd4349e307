// One error type for everything the API can fail with, so callers switch on `code`, never on messages.
import { ERROR_CODES, type ErrorCode } from './shapes.ts';

/** The server's codes (from the SDL's ErrorCode) and the one the client adds when no answer arrives. */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR';

const KNOWN_CODES: readonly string[] = [...ERROR_CODES, 'NETWORK_ERROR'];

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
