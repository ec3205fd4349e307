// Builds the HTTP app from its dependencies; server/main.ts starts it. Tests call buildApp directly.
import fs from 'node:fs';
import path from 'node:path';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.ts';
import { parseBookmarks, withConsistency } from './db/consistency.ts';
import type { Database } from './db/database.ts';
import { createGraphRepository, type GraphRepository } from './graph/repository.ts';
import { DEFAULT_QUERY_BUDGET } from './graphql/query-budget.ts';
import { buildYoga } from './graphql/yoga.ts';
import type { TokenStore } from './auth/tokens.ts';
import type { Logger } from './logger.ts';
import {
  NO_RESPONSE_CACHE,
  type CachedAnswer,
  type ResponseCache,
  type ResponseCacheStats,
} from './graphql/response-cache.ts';
import { AppError } from './errors.ts';

export const CLIENT_DIST = path.resolve(import.meta.dirname, '../client/dist');

/**
 * Read-your-writes across replicas: a response to a request that wrote carries the bookmark of that write;
 * the client sends the latest one back on its next requests, whose reads then wait until the database (a
 * cluster follower too) has that write. See README "Running several servers".
 */
export const BOOKMARK_HEADER = 'Linkage-Bookmark';

/** The only request bodies /graphql reads. */
const GRAPHQL_POST_TYPES = ['application/json', 'application/graphql-response+json'];

export interface AppDeps {
  config: Pick<Config, 'auth' | 'http' | 'hubDegree'> &
    Partial<Pick<Config, 'queryBudget' | 'exportTimeoutMs'>>;
  db: Database;
  tokens: TokenStore;
  logger: Logger;
  /** Extra routers (exports) mounted before the client; each gets the repository. */
  routes?: ((graph: GraphRepository) => express.Router)[];
  plugins?: Plugin[];
  /** Answers cache hits before yoga reads the request (server/graphql/response-cache.ts). */
  responseCache?: Pick<ResponseCache, 'serve'>;
  onWrite?: () => void;
  /** False while the schema and seed graph are being prepared: /ready says so, requests get 503. */
  prepared?: () => boolean;
  /** Why preparing waits, when it waits for something other than the database (an unfinished restore). */
  preparingReason?: () => string | undefined;
  /** Whether the explorer's first reads are planned yet (server/graph/prepare-plans.ts), for /ready. */
  queryPlans?: () => 'off' | 'preparing' | 'prepared' | 'failed';
  /** Which Neo4j this server uses (URI without credentials, database name), for /ready. */
  describeDatabase?: () => { uri: string; database: string };
  /** The response cache's counters, for /ready (null when there is none). */
  cacheStats?: () => ResponseCacheStats;
  /**
   * Why the database is known to be down (the local Neo4j's supervisor: it died and is being restarted),
   * or undefined; /ready answers 503 with it before trying the database.
   */
  databaseDown?: () => string | undefined;
  /**
   * Why the database is running but unusable (the local Neo4j's supervisor saw it panic or go offline and
   * is restarting it), or undefined: /health and /ready answer 503 with it, requests DATABASE_UNAVAILABLE.
   */
  databaseUnhealthy?: () => string | undefined;
  /** The database's disk (disk-watch.ts): writes are refused while it is almost full; /ready shows it. */
  disk?: { lowReason(): string | undefined; freeBytes(): number | null };
}

function jsonError(res: express.Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Plain-HTTP endpoints (exports) answer errors as { error: { code, message } }. */
function exportError(res: express.Response, status: number, code: string, message: string) {
  res.status(status).json({ error: { code, message } });
}

export function buildApp(deps: AppDeps): Express {
  const { config, db, tokens, logger } = deps;
  const graph = createGraphRepository(db, {
    hubDegree: config.hubDegree,
    exportTimeoutMs: config.exportTimeoutMs,
  });
  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For decides who a client is (the failed-auth limit counts per client), so it is believed
  // only from a proxy the operator named: off by default, when every client is on loopback anyway.
  app.set('trust proxy', config.http.trustProxy);

  const requestLog: RequestHandler = (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      // Only method, path and status: headers (and so tokens) are never logged.
      logger.info(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });
    next();
  };
  app.use(requestLog);

  // GraphiQL renders from inline scripts, so the strict CSP applies to everything but its page.
  const strict = helmet();
  const relaxed = helmet({ contentSecurityPolicy: false });
  app.use((req, res, next) => (req.path === '/graphql' ? relaxed(req, res, next) : strict(req, res, next)));

  if (config.http.corsOrigins.length > 0) {
    const allowed = new Set(config.http.corsOrigins);
    app.use((req, res, next) => {
      const origin = req.headers.origin;
      if (origin && allowed.has(origin)) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Vary', 'Origin');
        res.setHeader('Access-Control-Allow-Headers', `content-type, authorization, ${BOOKMARK_HEADER}`);
        res.setHeader('Access-Control-Expose-Headers', BOOKMARK_HEADER);
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      }
      if (req.method === 'OPTIONS') return void res.sendStatus(204);
      next();
    });
  }

  // A database that panicked fails every request until it is restarted: that is not healthy, though the
  // server process is. (A Neo4j that is merely down and being restarted is /ready's business.)
  const unhealthy = () => deps.databaseUnhealthy?.() ?? db.healthProblem();
  app.get('/health', (_req, res) => {
    const reason = unhealthy();
    if (reason) return void res.status(503).json({ status: 'unhealthy', database: 'failed', reason });
    res.json({ status: 'ok' });
  });
  const prepared = deps.prepared ?? (() => true);
  const PREPARING = 'Linkage is still preparing the database (schema and seed graph); retry in a few seconds';
  app.get('/ready', async (_req, res) => {
    const down = deps.databaseDown?.();
    if (down) return void res.status(503).json({ status: 'unavailable', database: 'down', reason: down });
    const failed = deps.databaseUnhealthy?.();
    if (failed)
      return void res.status(503).json({ status: 'unavailable', database: 'failed', reason: failed });
    try {
      await db.ping();
      // Ready means prepared: the schema and the seed graph are in place, not just that Neo4j answers.
      if (!prepared())
        return void res
          .status(503)
          .json({ status: 'preparing', database: 'up', reason: deps.preparingReason?.() ?? PREPARING });
      // Which database this replica serves and the generation it sees there: replicas behind one balancer
      // that show different databases are misconfigured; the same generation means they agree.
      const generation = await db.generation();
      res.json({
        status: 'ready',
        database: 'up',
        neo4j: deps.describeDatabase?.() ?? null,
        generation: generation.value,
        generationEpoch: generation.epoch,
        // Ready before this is done: a request for a statement still being planned waits for that planning.
        queryPlans: deps.queryPlans?.() ?? 'off',
        // How this replica's cache answers (hit rate) and what its coherence costs (one generation read
        // per hit, shared by concurrent hits): compare replicas behind one balancer, or before and after.
        responseCache: deps.cacheStats?.() ?? null,
        generationReads: db.generationReadCount,
        // Reads still work on an almost full disk, so the replica stays ready; writes say why they are refused.
        ...(deps.disk && {
          disk: {
            freeMb: deps.disk.freeBytes() === null ? null : Math.floor(deps.disk.freeBytes()! / 2 ** 20),
            writes: deps.disk.lowReason() ? 'refused' : 'accepted',
            ...(deps.disk.lowReason() && { reason: deps.disk.lowReason() }),
          },
        }),
      });
    } catch (error) {
      const reason = error instanceof AppError ? error.message : 'the graph database did not answer';
      res
        .status(503)
        .json({ status: 'unavailable', database: db.healthProblem() ? 'failed' : 'down', reason });
    }
  });

  // Failed authentication is rate limited per client; other requests are not counted at all. (Counting
  // every request and un-counting successes would count aborted ones, e.g. cancelled typeahead searches.)
  const authFailures = rateLimit({
    windowMs: 60_000,
    limit: config.auth.failuresPerMinute,
    skip: (_req, res) => res.locals.authFailed !== true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // A forwarded-for header without a configured proxy is expected (and ignored): see LINKAGE_TRUST_PROXY.
    validate: { xForwardedForHeader: false },
    handler: (_req, res) =>
      jsonError(
        res,
        429,
        'RATE_LIMITED',
        'Too many failed authentication attempts; wait a minute and check your token.',
      ),
  });
  const markAuthFailure: RequestHandler = (req, res, next) => {
    const auth = tokens.authenticate(req.headers.authorization);
    // A token that cannot be checked (database down) is not the client's failure.
    if (!auth.ok && auth.reason !== 'unavailable') res.locals.authFailed = true;
    next();
  };

  // A POST runs an operation only as JSON. Form and multipart bodies (what a cross-site form can send
  // without a preflight), text/plain and application/graphql are refused before their body is read, so
  // LINKAGE_MAX_BODY_BYTES bounds every body this endpoint reads.
  const onlyJsonPosts: RequestHandler = (req, res, next) => {
    if (req.method !== 'POST') return next();
    if (req.is(GRAPHQL_POST_TYPES)) return next();
    req.resume(); // discard the body without buffering it
    res.setHeader('Connection', 'close');
    return jsonError(
      res,
      415,
      'BAD_USER_INPUT',
      'POST a JSON body ({"query": …, "variables": …}) with Content-Type: application/json',
    );
  };

  const yoga = buildYoga({
    graph,
    logger,
    readsRequireToken: config.auth.readsRequireToken,
    authOf: (request) => tokens.authenticate(request.headers.get('authorization') ?? undefined),
    onWrite: deps.onWrite ?? (() => {}),
    prepared,
    writesRefused: deps.disk && (() => deps.disk!.lowReason()),
    plugins: deps.plugins ?? [],
    queryBudget: config.queryBudget && {
      ...DEFAULT_QUERY_BUDGET,
      maxCost: config.queryBudget.maxCost,
      capacity: Math.max(config.queryBudget.capacity, config.queryBudget.maxCost),
      perClientCost: Math.floor(config.queryBudget.capacity / 3),
    },
  });
  // A restore under way or interrupted (server/graph/backup/restore.ts) leaves a partial graph: no read may
  // see it, not only no write.
  const wholeGraphOnly: RequestHandler = (_req, res, next) => {
    const reason = deps.preparingReason?.() ?? deps.databaseUnhealthy?.();
    if (reason) return jsonError(res, 503, 'DATABASE_UNAVAILABLE', reason);
    next();
  };

  app.all(
    '/graphql',
    wholeGraphOnly,
    markAuthFailure,
    authFailures,
    onlyJsonPosts,
    express.json({ limit: config.http.maxBodyBytes, type: GRAPHQL_POST_TYPES }),
    (req, res, next) => {
      // yoga parses only application/json; the body is JSON either way (and already read).
      if (req.is('application/graphql-response+json')) req.headers['content-type'] = 'application/json';
      const bookmarks = parseBookmarks(req.headers[BOOKMARK_HEADER.toLowerCase()]);
      if (bookmarks === undefined)
        return jsonError(
          res,
          400,
          'BAD_USER_INPUT',
          `The ${BOOKMARK_HEADER} header is not a bookmark list; send back the value a response gave you, or nothing`,
        );
      const onCommit = (latest: string[]) => {
        if (!res.headersSent && latest.length > 0) res.setHeader(BOOKMARK_HEADER, latest.join(','));
      };
      const cacheable = {
        method: req.method,
        body: req.body as unknown,
        authorization: req.headers.authorization,
        accept: req.headers.accept,
        ifNoneMatch: req.headers['if-none-match'],
      };
      const sendHit = (answer: CachedAnswer) => {
        res.writeHead(200, { ...answer.headers, 'content-type': 'application/json; charset=utf-8' });
        res.end(answer.text);
      };
      withConsistency({ bookmarks, onCommit }, () =>
        (deps.responseCache ?? NO_RESPONSE_CACHE).serve(
          cacheable,
          sendHit,
          () => void yoga.requestListener(req, res),
        ),
      ).catch(next);
    },
  );

  // Exports are reads: they follow the same token rule as GraphQL queries.
  app.use('/export', wholeGraphOnly, markAuthFailure, authFailures, (req, res, next) => {
    const auth = tokens.authenticate(req.headers.authorization);
    if (!auth.ok && auth.reason === 'unavailable')
      return exportError(
        res,
        503,
        'DATABASE_UNAVAILABLE',
        'Tokens cannot be checked while the graph database is unavailable; retry in a few seconds',
      );
    if (!auth.ok)
      return exportError(
        res,
        401,
        'UNAUTHENTICATED',
        'The token is malformed, unknown or expired; create one with "npm run token -- create"',
      );
    if (config.auth.readsRequireToken && auth.viewer.role === 'anonymous') {
      return exportError(
        res,
        401,
        'UNAUTHENTICATED',
        'Reads need a token here: send "Authorization: Bearer <token>"',
      );
    }
    next();
  });
  for (const route of deps.routes ?? []) app.use(route(graph));

  if (fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    app.use(express.static(CLIENT_DIST, { index: 'index.html', maxAge: '1h' }));
  } else {
    app.get('/', (_req, res) => {
      res
        .type('html')
        .send(
          '<!doctype html><title>Linkage</title><p>The client is not built yet: run <code>npm run build:client</code>. GraphQL is at <a href="/graphql">/graphql</a>.</p>',
        );
    });
  }

  app.use((_req, res) =>
    jsonError(res, 404, 'NOT_FOUND', 'No such route; GraphQL is at /graphql, the explorer at /'),
  );
  const onError: ErrorRequestHandler = (
    error: { type?: string; status?: number; message?: string; limit?: number },
    _req,
    res,
    _next,
  ) => {
    if (error.type === 'entity.too.large')
      return jsonError(
        res,
        413,
        'BAD_USER_INPUT',
        `The request body is larger than ${error.limit ?? config.http.maxBodyBytes} bytes; send a smaller one`,
      );
    if (error.type === 'entity.parse.failed')
      return jsonError(res, 400, 'BAD_USER_INPUT', 'The request body is not valid JSON');
    logger.error({ err: error }, 'unhandled HTTP error');
    jsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error; see the server log');
  };
  app.use(onError);
  return app;
}
