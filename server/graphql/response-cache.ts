// Response cache for GraphQL reads, one per server instance.
// Invalidation is by generation: every successful mutation bumps a counter that is part of every cache key,
// so all earlier entries become unreachable at once. Entity-level invalidation is not enough here: a new
// relationship changes neighbourhoods, paths and search results that never contained its id.
import crypto from 'node:crypto';
import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

type Cache = ReturnType<typeof createInMemoryCache>;

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
  const cache = withSerialisedOnce(createInMemoryCache({ max: MAX_ENTRIES }));
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

/**
 * A hit would otherwise be serialised again on every request, and a 300-node neighbourhood is ~400 KB of
 * JSON: most of what a hit costs. yoga serialises a result with its own `stringify` when it has one, so
 * each stored result carries one that remembers its text. The body of a hit never changes (the per-response
 * headers yoga strips from extensions are the same ETag/Last-Modified every time), so reusing it is exact.
 */
function withSerialisedOnce(cache: Cache): Cache {
  return {
    ...cache,
    set(id, result, entities, ttl) {
      let text: string | undefined;
      const stringify = (sanitised: ExecutionResult) => (text ??= JSON.stringify(sanitised));
      return cache.set(id, { ...result, stringify } as ExecutionResult, entities, ttl);
    },
  };
}
