// Response cache for GraphQL reads, one per server instance, coherent across replicas.
//
// Coherence: every write transaction, on any replica or from any script (import, restore), increments the
// graph generation in Neo4j before it commits (server/db/database.ts). An answer is stored under the
// generation this server knew when the request began, which is never newer than the data the answer was
// computed from. Before a stored answer is sent, the database's current generation is read (one indexed
// node, shared by the requests that arrive while a read runs, never one that began before them): only
// when it equals the stored one has nothing been written since, and the answer is served; otherwise the
// cache is emptied and the request runs. A miss costs no extra read, a hit one tiny read instead of the
// query, and when the database cannot be asked the request runs (and reports the database's state).
// Writes through this server also empty the cache at once, with the generation they committed.
//
// Bounded by bytes, not by count: each entry is kept once, as the JSON text a hit sends (plus its two
// headers), and the least recently used entries go first when the total would pass `maxBytes`; an answer
// larger than a tenth of that is never kept. Expired entries are purged on a timer, and every successful
// write empties the cache at once (entity-level invalidation is not enough here: a new relationship changes
// neighbourhoods, paths and search results that never contained its id). The write's generation is part of
// every key, so a read that started before a write and ends after it is not stored.
//
// A hit is answered before yoga reads the request (`serve`, called by server/app.ts): yoga's request
// handling (the fetch adapter, request parsing, the plugin chain) was most of what a hit cost, and for the
// requests nearly every client sends (a JSON POST of one operation, answered as application/json) a hit is
// the stored text with its headers. Everything else (other media types, conditional requests, GETs) and
// every miss goes to yoga, whose plugin looks up and stores through the same entries.
//
// The key is the normalised document (comments, whitespace and commas are not part of it, so `# 1`, `# 2`, …
// share one entry), the operation name, the variables and the viewer. Who asks is authenticated before the
// cache is consulted: a revoked, expired or malformed token never gets a cached answer, and neither does an
// anonymous caller when reads need a token.
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { stripIgnoredCharacters, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { AuthResult } from '../auth/tokens.ts';

export interface ResponseCache {
  /** Plugins for buildApp; empty when the cache is off. */
  plugins: Plugin[];
  /**
   * Sends a hit for `request` through `send`, before yoga reads it; otherwise calls `pass`, which hands
   * the request to yoga (a miss, a stale entry, or a request yoga must answer itself).
   */
  serve(request: CacheableRequest, send: (answer: CachedAnswer) => void, pass: () => void): Promise<void>;
  /** Call after every committed write, with the generation it committed (from the database). */
  invalidate(generation: string): void;
  /** What the cache holds now and how it has answered since start (tests, benchmarks and /ready use it). */
  stats(): ResponseCacheStats;
  /** Stops the purge timer. */
  close(): void;
}

export interface ResponseCacheOptions {
  ttlMs: number;
  /** Upper bound of the cache's memory: the answers' text (2 bytes per UTF-16 unit) and per-entry overhead. */
  maxBytes: number;
  /** Who the Authorization header (undefined when absent) says is asking. */
  authOf: (authorization: string | undefined) => AuthResult;
  readsRequireToken: boolean;
  /** The database's generation now (a fresh read; see the header). */
  currentGeneration: () => Promise<string>;
}

export interface ResponseCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  /** Answers sent from the cache (each after one generation check). */
  hits: number;
  /** Lookups that found no entry: the request ran. */
  misses: number;
  /** Lookups that found an entry written before the database's current generation: the request ran. */
  stale: number;
}

/** Key, headers, LRU bookkeeping: what one entry costs beside its text (measured ≈ 350 B; rounded up). */
const ENTRY_OVERHEAD_BYTES = 512;
/** Variables deeper or larger than this are not worth caching (and must not overflow the stack). */
const MAX_VARIABLE_DEPTH = 32;
const MAX_VARIABLE_CHARS = 64 * 1024;

/** What a hit sends: the stored answer (JSON text) and the headers stored with it. */
export interface CachedAnswer {
  text: string;
  headers: Record<string, string>;
}
type Entry = CachedAnswer;

/** The parts of an HTTP request a hit depends on. */
export interface CacheableRequest {
  method: string;
  /** The parsed JSON body (undefined for a GET). */
  body: unknown;
  authorization: string | undefined;
  accept: string | undefined;
  ifNoneMatch: string | undefined;
}

/**
 * Accept headers for which yoga answers application/json (it picks the last matching media type of its
 * processors, and for these that is application/json); a hit sent for them is byte for byte yoga's.
 */
const JSON_ACCEPTS = new Set(['', '*/*', 'application/json', 'application/json;charset=utf-8']);

/**
 * The key this request was looked up under: by `serve`, or by yoga's plugin, which asks the cache twice
 * for a request that misses (when reading it and again before executing it). A second lookup of the same
 * key in the same request would only repeat the first, and count it twice.
 */
const lookups = new AsyncLocalStorage<{ key?: string }>();

/** No cache: every request goes to yoga. */
export const NO_RESPONSE_CACHE: ResponseCache = {
  plugins: [],
  serve: async (_request, _send, pass) => pass(),
  invalidate: () => {},
  stats: () => ({ entries: 0, bytes: 0, maxBytes: 0, hits: 0, misses: 0, stale: 0 }),
  close: () => {},
};

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const { ttlMs, maxBytes } = options;
  if (ttlMs <= 0 || maxBytes <= 0) return NO_RESPONSE_CACHE;
  /** The newest generation this server has seen; '' until it has seen one. */
  let generation = '';
  const counts = { hits: 0, misses: 0, stale: 0 };
  const adopt = (seen: string) => {
    if (seen === generation) return;
    generation = seen;
    entries.clear();
  };
  const entries = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 10)),
    sizeCalculation: (entry, key) => entry.text.length * 2 + key.length * 2 + ENTRY_OVERHEAD_BYTES,
    ttl: ttlMs,
    ttlAutopurge: false,
    updateAgeOnGet: false,
  });
  const purge = setInterval(() => entries.purgeStale(), Math.min(ttlMs, 10_000));
  purge.unref();

  const viewerKey = (authorization: string | undefined): string | null | undefined => {
    const auth = options.authOf(authorization);
    if (!auth.ok) return undefined; // refused below: no cached answer for a bad token
    if (auth.viewer.role === 'anonymous') return options.readsRequireToken ? undefined : null;
    return `${auth.viewer.role}:${auth.viewer.name}`;
  };
  const viewerOf = (request: Request) => viewerKey(request.headers.get('authorization') ?? undefined);

  /** The entry's key, or undefined when the request is not cacheable (absurd variables). */
  const keyOf = (
    document: string,
    operationName: unknown,
    variableValues: unknown,
    viewer: unknown,
  ): string | undefined => {
    const variables = boundedJson(variableValues ?? {});
    if (variables === undefined) return undefined;
    const digest = crypto
      .createHash('sha256')
      .update(JSON.stringify([normalise(document), operationName ?? null, variables, viewer ?? null]))
      .digest('hex');
    return `${generation}:${digest}`;
  };

  /** The stored answer for `key` when the database's generation is still the one it was stored under. */
  async function lookup(key: string): Promise<Entry | undefined> {
    const entry = entries.get(key);
    if (!entry) {
      counts.misses += 1;
      return undefined;
    }
    let current: string;
    try {
      current = await options.currentGeneration();
    } catch {
      counts.stale += 1;
      return undefined; // the request runs and answers with the database's state
    }
    adopt(current);
    if (!key.startsWith(`${current}:`)) {
      counts.stale += 1;
      return undefined;
    }
    counts.hits += 1;
    return entry;
  }

  /** The key of a request `serve` may answer, or undefined when yoga must see it (see JSON_ACCEPTS). */
  function servableKey(request: CacheableRequest): string | undefined {
    if (request.method !== 'POST' || request.ifNoneMatch !== undefined) return undefined;
    if (!JSON_ACCEPTS.has((request.accept ?? '').replace(/\s/g, '').toLowerCase())) return undefined;
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const { query, variables, operationName, ...rest } = body as Record<string, unknown>;
    if (Object.keys(rest).length > 0 || typeof query !== 'string') return undefined;
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
    if (operationName != null && typeof operationName !== 'string') return undefined;
    const viewer = viewerKey(request.authorization);
    if (viewer === undefined) return undefined;
    return keyOf(query, operationName, variables, viewer);
  }

  const plugin = useResponseCache({
    cache: {
      async get(key) {
        const request = lookups.getStore();
        if (request?.key === key) return undefined;
        const entry = await lookup(key);
        if (request) request.key = key;
        // yoga sends a result's own `stringify` when it has one: the stored text, byte for byte.
        return entry
          ? ({
              extensions: { http: { headers: entry.headers } },
              stringify: () => entry.text,
            } as unknown as ExecutionResult)
          : undefined;
      },
      set(key, result) {
        // Stored only while no write happened since the key was built.
        if (!key.startsWith(`${generation}:`)) return;
        const { extensions, ...rest } = result;
        const { http, ...otherExtensions } = (extensions ?? {}) as { http?: { headers?: object } };
        const body = Object.keys(otherExtensions).length ? { ...rest, extensions: otherExtensions } : rest;
        const headers = Object.fromEntries(
          Object.entries(http?.headers ?? {}).map(([name, value]) => [name, String(value)]),
        );
        entries.set(key, { text: JSON.stringify(body), headers });
      },
      invalidate() {
        // Mutations empty the cache through invalidate() below.
      },
    },
    ttl: ttlMs,
    // Requests the cache must not answer: a bad token, or no token where reads need one. They run normally
    // and the resolvers refuse them with the right code.
    enabled: (request) => viewerOf(request) !== undefined,
    session: (request) => viewerOf(request) ?? null,
    // Who is asking must always be answered fresh (tokens can be revoked by a reload).
    ttlPerSchemaCoordinate: { 'Query.viewer': 0, 'Query.auditTrail': 0 },
    // Not cacheable: a key no one else will ever build, dropped by set().
    buildResponseCacheKey: ({ documentString, variableValues, operationName, sessionId }) =>
      keyOf(documentString, operationName, variableValues, sessionId) ?? `uncached:${crypto.randomUUID()}`,
    includeExtensionMetadata: false,
    // The plugin's own invalidation by entity id is not used: every write empties the cache.
    invalidateViaMutation: false,
  });
  return {
    plugins: [plugin],
    async serve(request, send, pass) {
      const key = servableKey(request);
      const entry = key === undefined ? undefined : await lookup(key);
      if (entry) return send(entry);
      lookups.run({ key }, pass);
    },
    invalidate(committed) {
      generation = committed;
      entries.clear();
    },
    stats: () => ({ entries: entries.size, bytes: entries.calculatedSize, maxBytes, ...counts }),
    close: () => clearInterval(purge),
  };
}

/**
 * Normalised documents by their text: a client sends the same few documents over and over, and lexing one
 * (the canvas's is 1.5 KB) on every lookup was a good part of what a hit cost. Bounded by characters.
 */
const normalised = new LRUCache<string, string>({
  maxSize: 4 * 1024 * 1024,
  // At least 1: the LRU refuses a size of 0 (an empty document).
  sizeCalculation: (value, key) => value.length + key.length + 1,
});

/** The document without comments and insignificant whitespace or commas; the raw text if it does not lex. */
export function normalise(document: string): string {
  const known = normalised.get(document);
  if (known !== undefined) return known;
  let text: string;
  try {
    text = stripIgnoredCharacters(document);
  } catch {
    text = document;
  }
  // A document larger than the whole bound is not kept (the LRU refuses it) and is lexed each time.
  normalised.set(document, text);
  return text;
}

/**
 * The variables as canonical JSON (sorted keys), or undefined when they are nested deeper than
 * MAX_VARIABLE_DEPTH or longer than MAX_VARIABLE_CHARS: walked iteratively, so no input overflows the stack.
 */
export function boundedJson(value: unknown): string | undefined {
  let out = '';
  const stack: { value: unknown; depth: number; close?: string }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.close !== undefined) {
      out += item.close;
    } else {
      const v = item.value;
      if (item.depth > MAX_VARIABLE_DEPTH) return undefined;
      if (v === null || typeof v !== 'object') {
        out += JSON.stringify(v ?? null);
      } else if (Array.isArray(v)) {
        out += '[';
        stack.push({ value: null, depth: 0, close: ']' });
        for (let i = v.length - 1; i >= 0; i -= 1) {
          stack.push({ value: v[i], depth: item.depth + 1 });
          if (i > 0) stack.push({ value: null, depth: 0, close: ',' });
        }
      } else {
        const keys = Object.keys(v).sort();
        out += '{';
        stack.push({ value: null, depth: 0, close: '}' });
        for (let i = keys.length - 1; i >= 0; i -= 1) {
          stack.push({ value: (v as Record<string, unknown>)[keys[i]!], depth: item.depth + 1 });
          stack.push({ value: null, depth: 0, close: `${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:` });
        }
      }
    }
    if (out.length > MAX_VARIABLE_CHARS) return undefined;
  }
  return out;
}
