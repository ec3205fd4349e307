// Expected errors carry a code and reach clients; anything else is masked (see graphql/mask-error.ts).
import { ErrorCode as SchemaErrorCodes } from './generated/schema-types.ts';

/** The SDL's ErrorCode values but the masked one: an AppError is always an expected, explained failure. */
export type ErrorCode = Exclude<SchemaErrorCodes, 'INTERNAL_SERVER_ERROR'>;
export const ERROR_CODES = Object.values(SchemaErrorCodes).filter(
  (code): code is ErrorCode => code !== SchemaErrorCodes.InternalServerError,
);

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
