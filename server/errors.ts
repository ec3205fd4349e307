// Expected errors carry a code and reach clients; anything else is masked (see graphql/mask-error.ts).
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'DATABASE_UNAVAILABLE',
  'RATE_LIMITED',
  'QUERY_TIMEOUT',
  'OVERLOADED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('BAD_USER_INPUT', message, details);
export const notFound = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('NOT_FOUND', message, details);
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', message, details);
