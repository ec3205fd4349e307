// The response cache's early answer (`serve`): a hit for a plain JSON POST is sent without yoga, and every
// request yoga must answer itself (other media types, conditional requests, GETs, bad tokens, stale
// entries, misses) is passed on, each counted once. A real yoga with the cache's plugin stores the answers.
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { AuthResult } from '../../server/auth/tokens.ts';
import {
  createResponseCache,
  type CacheableRequest,
  type CachedAnswer,
} from '../../server/graphql/response-cache.ts';

const QUERY = '{ hello }';
const READER: AuthResult = { ok: true, viewer: { name: 'ann', role: 'reader' } } as AuthResult;

function setUp() {
  let generation = 'g1';
  let executions = 0;
  const cache = createResponseCache({
    ttlMs: 60_000,
    maxBytes: 1_000_000,
    authOf: (authorization) =>
      authorization === 'Bearer bad'
        ? ({ ok: false } as AuthResult)
        : authorization
          ? READER
          : ({ ok: true, viewer: { name: 'anonymous', role: 'anonymous' } } as AuthResult),
    readsRequireToken: false,
    currentGeneration: async () => generation,
  });
  cache.invalidate(generation);
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { hello: String }',
      resolvers: { Query: { hello: () => `hello ${(executions += 1)}` } },
    }),
    plugins: cache.plugins,
    logging: false,
  });
  /** Asks yoga, as server/app.ts does when `serve` passes. */
  const viaYoga = async (headers: Record<string, string> = {}) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: QUERY }),
    });
    return {
      text: await response.text(),
      etag: response.headers.get('etag'),
      contentType: response.headers.get('content-type'),
    };
  };
  /** `serve` as server/app.ts calls it; with `yogaOnPass`, a passed request goes on to yoga, as there. */
  const serve = async (request: Partial<CacheableRequest> = {}, yogaOnPass = false) => {
    let sent: CachedAnswer | undefined;
    let passed = false;
    let answered: ReturnType<typeof viaYoga> | undefined;
    await cache.serve(
      {
        method: 'POST',
        body: { query: QUERY },
        authorization: undefined,
        accept: undefined,
        ifNoneMatch: undefined,
        ...request,
      },
      (answer) => (sent = answer),
      () => {
        passed = true;
        if (yogaOnPass) answered = viaYoga(request.accept ? { accept: request.accept } : {});
      },
    );
    return { sent, passed, yoga: await answered };
  };
  return {
    cache,
    viaYoga,
    serve,
    executions: () => executions,
    write: (next: string) => {
      generation = next;
    },
  };
}

describe('response cache: serve before yoga', () => {
  it('sends a stored answer without yoga, byte for byte what yoga sent', async () => {
    const { serve, executions, cache } = setUp();
    const first = (await serve({}, true)).yoga!;
    expect(executions()).toBe(1);
    for (const accept of [undefined, '*/*', 'application/json', 'Application/JSON; charset=utf-8']) {
      const { sent, passed } = await serve({ accept });
      expect(passed, `accept ${accept}`).toBe(false);
      expect(sent?.text).toBe(first.text);
      expect(sent?.headers.ETag).toBe(first.etag);
    }
    expect(first.contentType).toBe('application/json; charset=utf-8');
    expect(executions()).toBe(1);
    expect(cache.stats()).toMatchObject({ hits: 4, misses: 1, stale: 0 });
  });

  it('passes to yoga what yoga must answer itself, and yoga still answers it from the cache', async () => {
    const { serve, cache } = setUp();
    await serve({}, true);
    for (const request of [
      { accept: 'application/graphql-response+json' },
      { ifNoneMatch: '"something"' },
      { method: 'GET', body: undefined },
      { body: { query: QUERY, extensions: { persistedQuery: {} } } },
      { body: [{ query: QUERY }] },
      { body: { query: QUERY, variables: 'not an object' } },
      // Not cacheable (nested deeper than the cache keys): yoga runs it, the cache not asked.
      { body: { query: QUERY, variables: { deep: JSON.parse('['.repeat(40) + ']'.repeat(40)) } } },
      { authorization: 'Bearer bad' },
    ]) {
      const { sent, passed } = await serve(request);
      expect(sent, JSON.stringify(request)).toBeUndefined();
      expect(passed).toBe(true);
    }
    // Not looked up by serve, so not counted by it: the one miss is yoga's first answer.
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 1 });
    // Passed on, yoga looks it up once and counts a hit.
    await serve({ accept: 'application/graphql-response+json' }, true);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it('keeps one token’s answers from another', async () => {
    const { serve } = setUp();
    await serve({}, true);
    const { sent, passed } = await serve({ authorization: 'Bearer reader-token' });
    expect(sent).toBeUndefined();
    expect(passed).toBe(true);
  });

  it('passes a miss and a stale entry on to yoga, which runs the request; a lookup is counted once', async () => {
    const { serve, executions, cache, write } = setUp();
    const miss = await serve({}, true);
    expect(miss).toMatchObject({
      sent: undefined,
      passed: true,
      yoga: { text: expect.stringContaining('hello 1') },
    });
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 1, stale: 0 });

    write('g2'); // another replica wrote: the stored answer predates it
    const stale = await serve({}, true);
    expect(stale).toMatchObject({
      sent: undefined,
      passed: true,
      yoga: { text: expect.stringContaining('hello 2') },
    });
    // Stale under the old generation's key, then yoga's one lookup under the new generation's key misses.
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 2, stale: 1 });
    expect(executions()).toBe(2);
    expect((await serve()).sent?.text).toBe(stale.yoga?.text);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, stale: 1 });
  });
});
