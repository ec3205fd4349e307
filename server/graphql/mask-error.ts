// One place decides what a client sees of an error: expected AppErrors pass with their code; anything
// else is logged and masked (no stack traces or internals reach clients).
import { GraphQLError } from 'graphql';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

export function createMaskError(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    if (original instanceof AppError) {
      return new GraphQLError(original.message, {
        ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
        extensions: { code: original.code, ...publicDetails(original.details) },
      });
    }
    if (original instanceof GraphQLError && original.extensions?.code) return original;
    const errorId = Math.random().toString(36).slice(2, 10);
    logger.error({ err: original, errorId }, 'unexpected error');
    return new GraphQLError(`${message} (error id ${errorId}; see the server log)`, {
      ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    });
  };
}

/** Details meant for clients; which query failed stays in the server log. */
function publicDetails(details: Record<string, unknown>): Record<string, unknown> {
  const { query: _query, ...rest } = details;
  return rest;
}
