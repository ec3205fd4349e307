// One place decides what a client sees of an error: expected AppErrors pass with their code; anything
// else is logged and masked (no stack traces or internals reach clients).
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/**
 * GraphQL errors are recognised by shape, not `instanceof`: the executor may load another copy of graphql-js
 * (ESM and CJS builds, as under vitest), and then every AppError would be masked as INTERNAL_SERVER_ERROR.
 */
function asGraphQLError(error: unknown): GraphQLError | null {
  return error instanceof Error && error.name === 'GraphQLError' ? (error as GraphQLError) : null;
}

/** Codes a client causes (its input, its token, its rate): worth a line in the log, not an alarm. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
]);

/**
 * The log level an error reported by yoga deserves: client errors info, a database that is down or busy
 * warn (it is retried and shows in /ready), and a fault error. Faults reach the log once, from the mask
 * below with their error id, so yoga's second report of them is only worth debug.
 */
export function logLevelOf(error: unknown): 'debug' | 'info' | 'warn' | 'error' {
  const wrapper = asGraphQLError(error);
  const original = wrapper?.originalError ?? error;
  const code = original instanceof AppError ? original.code : asGraphQLError(original)?.extensions?.code;
  if (typeof code === 'string')
    return CLIENT_CODES.has(code) ? 'info' : code === 'INTERNAL_SERVER_ERROR' ? 'debug' : 'warn';
  // Syntax, validation and variable errors of the request itself are the client's.
  if (wrapper && (!wrapper.originalError || asGraphQLError(wrapper.originalError))) return 'info';
  return error instanceof Error ? 'debug' : 'error';
}

/**
 * Masked errors are built with yoga's own constructor for the same reason: yoga decides the HTTP status by
 * `instanceof` its copy of GraphQLError, and an error from another copy would turn a 200 into a 500.
 */
export function createMaskError(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const wrapper = asGraphQLError(error);
    const original = wrapper?.originalError ?? error;
    const location = wrapper ? { nodes: wrapper.nodes, path: wrapper.path } : {};
    if (original instanceof AppError) {
      return createGraphQLError(original.message, {
        ...location,
        extensions: { code: original.code, ...publicDetails(original.details) },
      });
    }
    if (asGraphQLError(original)?.extensions?.code) return original as GraphQLError;
    // A GraphQL error of the request itself (syntax, validation, an Armor limit) says what to fix; it is
    // the client's input, so it keeps its message and is coded BAD_USER_INPUT.
    // Variable coercion (an unknown enum value, an Int out of range) wraps the scalar's own GraphQLError.
    const inner = asGraphQLError(wrapper?.originalError);
    if (wrapper && (!wrapper.originalError || (inner && !inner.originalError))) {
      return createGraphQLError(wrapper.message, {
        ...location,
        extensions: { ...wrapper.extensions, code: wrapper.extensions?.code ?? 'BAD_USER_INPUT' },
      });
    }
    const errorId = Math.random().toString(36).slice(2, 10);
    logger.error({ err: original, errorId }, 'unexpected error');
    return createGraphQLError(`${message} (error id ${errorId}; see the server log)`, {
      ...location,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    });
  };
}

/** Details meant for clients; which query failed stays in the server log. */
function publicDetails(details: Record<string, unknown>): Record<string, unknown> {
  const { query: _query, ...rest } = details;
  return rest;
}
