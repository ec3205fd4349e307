// Starts the server: config → database → app → listen, and closes cleanly on SIGTERM/SIGINT.
// The database may be down at start: the server still listens, /ready says why, and the schema and seed
// graph are applied as soon as the database answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.ts';
import { createTokenStore, importTokenFile, type TokenStore } from './auth/tokens.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createDatabase, generationKey, type Database } from './db/database.ts';
import { interruptedRestore } from './graph/backup/restore.ts';
import { loadSeeds } from './graph/import/seeds.ts';
import { migrate } from './graph/migrations.ts';
import { createGraphRepository } from './graph/repository.ts';
import { preparePlans } from './graph/prepare-plans.ts';
import { databaseDiskDir, watchDisk } from './disk-watch.ts';
import { createLogger, type Logger } from './logger.ts';
import { exportRoutes } from './http/export.ts';
import { createResponseCache, type ResponseCache } from './graphql/response-cache.ts';
import { isLocalNeo4jUri, readLocalNeo4jCredentials } from '../neo4j/credentials.ts';

/**
 * The credentials for uri: NEO4J_USER/NEO4J_PASSWORD when set; for the local Neo4j (its loopback Bolt port),
 * the password file beside its data (neo4j/credentials.ts), so the local database never runs without auth.
 */
export function neo4jAuthFor(config: Config, uri: string): Config['neo4j']['auth'] {
  if (config.neo4j.auth) return config.neo4j.auth;
  if (!isLocalNeo4jUri(uri, config.neo4j.local.boltPort)) return undefined;
  return readLocalNeo4jCredentials(config.neo4j.local.dataDir);
}

/** The URI without user information (a URI may carry credentials; /ready shows this one). */
export function redactedUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}

/** The HTTP port cannot be bound: a message for the operator, no stack trace. */
export class ListenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListenError';
  }
}

export interface RunningServer {
  url: string;
  db: Database;
  tokens: TokenStore;
  responseCache: ResponseCache;
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Applies the schema, runs the migrations, imports a legacy token file and loads the seeds into an empty
 * database, retrying until the database answers. All of it runs under one lock node in Neo4j, so replicas
 * that start together do it once: the first holds the lock, the others wait, then find the work done
 * (every step is idempotent, and the seed is loaded only into a database without entities).
 */
export async function prepareDatabase(
  db: Database,
  logger: Logger,
  options: {
    seed: boolean;
    sourceTextsDir?: string | null;
    signal?: AbortSignal;
    tokensFile?: string;
    tokens?: TokenStore;
    /** Told why the database cannot be served yet (an unfinished restore), and undefined once it can. */
    onWaiting?: (reason: string | undefined) => void;
  },
) {
  let attempt = 0;
  for (;;) {
    try {
      // A restore under way (or killed) leaves a partial graph under its marker: never serve it, and never
      // seed it (server/graph/backup/restore.ts).
      const restoring = await interruptedRestore(db);
      options.onWaiting?.(restoring);
      if (restoring) throw new Error(restoring);
      await db.withJobLock('prepare', async () => {
        await db.applySchema();
        await migrate(db, logger);
        if (options.tokensFile) {
          const imported = await importTokenFile(db, options.tokensFile);
          if (imported > 0)
            logger.info(
              { imported, file: options.tokensFile },
              'tokens imported from the token file into the database',
            );
        }
        if (options.seed) {
          const counts = await createGraphRepository(db).countEntities();
          if (counts.entities === 0) {
            const summaries = await loadSeeds(db, { sourceTextsDir: options.sourceTextsDir ?? null });
            for (const s of summaries) {
              logger.info(
                { file: s.file, entities: s.entities, relationships: s.relationships, ms: s.ms },
                'seed graph loaded',
              );
            }
          }
        }
      });
      await options.tokens?.refresh();
      return;
    } catch (error) {
      if (options.signal?.aborted) return;
      attempt += 1;
      const message = error instanceof Error ? error.message : String(error);
      if (attempt === 1 || attempt % 15 === 0)
        logger.warn({ attempt, reason: message }, 'database not ready; retrying');
      await new Promise((resolve) => setTimeout(resolve, 2000));
      if (options.signal?.aborted) return;
    }
  }
}

export async function startServer(
  config: Config,
  options: {
    logger?: Logger;
    seed?: boolean;
    /** Why the database is known to be down (the local Neo4j's supervisor), shown by /ready. */
    databaseDown?: () => string | undefined;
    /** Why the database runs but is unusable (the supervisor saw it panic): /health and /ready show it. */
    databaseUnhealthy?: () => string | undefined;
  } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  if (!config.neo4j.uri)
    throw new ConfigError([
      'NEO4J_URI: not set; npm start sets it for the local Neo4j, or point it at your server',
    ]);
  const db = createDatabase({
    uri: config.neo4j.uri,
    auth: neo4jAuthFor(config, config.neo4j.uri),
    database: config.neo4j.database,
    queryTimeoutMs: config.queryTimeoutMs,
    logger,
  });
  const tokens = createTokenStore(db, { logger });
  // One cache per server instance, coherent across replicas through the generation in Neo4j: a hit is
  // served only while the database's generation is the one the answer was computed under (response-cache.ts).
  const responseCache = createResponseCache({
    ttlMs: config.responseCacheTtlMs,
    maxBytes: config.responseCacheMaxBytes,
    authOf: (authorization) => tokens.authenticate(authorization),
    readsRequireToken: config.auth.readsRequireToken,
    currentGeneration: async () => generationKey(await db.generation()),
  });
  db.onCommit((generation) => responseCache.invalidate(generationKey(generation)));
  // Until the schema and the seed graph are in place, /ready says so and requests wait outside (a write
  // that landed first would make the seed loader, which only seeds an empty database, skip the seed).
  let prepared = false;
  let waitingFor: string | undefined;
  let queryPlans: 'off' | 'preparing' | 'prepared' | 'failed' = config.preparePlans ? 'preparing' : 'off';
  const watchedDir = databaseDiskDir(config);
  const disk =
    watchedDir && config.disk.minFreeBytes > 0
      ? watchDisk(watchedDir, config.disk.minFreeBytes, logger.child({ component: 'disk' }))
      : undefined;
  const app = buildApp({
    config,
    db,
    tokens,
    logger,
    prepared: () => prepared,
    preparingReason: () => waitingFor,
    queryPlans: () => queryPlans,
    routes: [exportRoutes],
    plugins: responseCache.plugins,
    responseCache,
    describeDatabase: () => ({ uri: redactedUri(config.neo4j.uri!), database: config.neo4j.database }),
    cacheStats: () => responseCache.stats(),
    databaseDown: options.databaseDown,
    databaseUnhealthy: options.databaseUnhealthy,
    disk,
  });
  const server = http.createServer(app);
  // Keep idle connections longer than clients do (undici keeps them ~4 s, browsers and proxies up to 60 s),
  // so the server never closes a connection in the instant a client reuses it (ECONNRESET under load).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    await db.close();
    responseCache.close();
    tokens.close();
    disk?.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
      throw new ListenError(
        code === 'EADDRINUSE'
          ? `Port ${config.port} on ${config.host} is already in use (is Linkage already running?); stop what listens there or set PORT`
          : `Cannot listen on ${config.host}:${config.port} (${code}); set HOST and PORT to an address this machine can use`,
      );
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const abort = new AbortController();
  const ready = prepareDatabase(db, logger, {
    seed: options.seed ?? true,
    sourceTextsDir: config.sourceTextsDir,
    signal: abort.signal,
    tokensFile: config.auth.tokensFile,
    tokens,
    onWaiting: (reason) => {
      waitingFor = reason;
    },
  }).then(() => {
    prepared = true;
    if (!config.preparePlans || abort.signal.aborted) return;
    // In the background: /ready does not wait for it (requests for a statement being planned wait for that
    // one planning instead of starting their own, server/db/first-run.ts).
    preparePlans(createGraphRepository(db, { hubDegree: config.hubDegree })).then(
      ({ planned, ms }) => {
        queryPlans = 'prepared';
        logger.info({ statements: planned.length, ms }, 'query plans prepared');
      },
      (error: unknown) => {
        queryPlans = 'failed';
        if (!abort.signal.aborted)
          logger.warn({ err: error }, 'query plans not prepared; first requests plan them');
      },
    );
  });
  return {
    url,
    db,
    tokens,
    responseCache,
    ready,
    async close() {
      abort.abort();
      disk?.close();
      responseCache.close();
      tokens.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.close();
    },
  };
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  let running: RunningServer;
  try {
    running = await startServer(config);
  } catch (error) {
    if (error instanceof ListenError) {
      console.error(`linkage: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  console.log(`Linkage is running at ${running.url}  (GraphQL: ${running.url}/graphql)`);
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
