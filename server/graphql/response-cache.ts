// Response cache for GraphQL reads, one per server instance.
// Invalidation is by generation: every successful mutation bumps a counter that is part of every cache key,
// so all earlier entries become unreachable at once. Entity-level invalidation is not enough here: a new
// relationship changes neighbourhoods, paths and search results that never contained its id.
import crypto from 'node:crypto';
import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';

export interface ResponseCache {
  /** Plugins for buildApp; empty when the cache is off. */
  plugins: Plugin[];
  /** Call after every successful write. */
  invalidate(): void;
}

/** How many responses one server keeps; the least recently used go first. */
const MAX_ENTRIES = 5000;

export function createResponseCache(ttlMs: number): ResponseCache {
  if (ttlMs <= 0) return { plugins: [], invalidate: () => {} };
  let generation = 0;
  const cache = createInMemoryCache({ max: MAX_ENTRIES });
  const plugin = useResponseCache({
    cache,
    ttl: ttlMs,
    // Reads are public today, but the token is still part of the key: if a read ever depends on who asks
    // (viewer does already), one token's answer can never be served to another.
    session: (request) => {
      const authorization = request.headers.get('authorization');
      return authorization
        ? crypto.createHash('sha256').update(authorization).digest('hex').slice(0, 32)
        : null;
    },
    // Who is asking must always be answered fresh (tokens can be revoked by a reload).
    ttlPerSchemaCoordinate: { 'Query.viewer': 0, 'Query.auditTrail': 0 },
    buildResponseCacheKey: ({ documentString, variableValues, operationName, sessionId }) =>
      crypto
        .createHash('sha256')
        .update(
          JSON.stringify([
            generation,
            documentString,
            operationName ?? null,
            variableValues ?? {},
            sessionId,
          ]),
        )
        .digest('hex'),
    includeExtensionMetadata: false,
  });
  return {
    plugins: [plugin],
    invalidate() {
      generation += 1;
    },
  };
}
