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
