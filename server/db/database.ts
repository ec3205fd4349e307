// The only module that touches neo4j-driver: one driver, read/write transactions with metadata and a
// timeout, plain values out, and one place that maps driver errors to application errors.
import os from 'node:os';
import neo4j, { Neo4jError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { currentConsistency } from './consistency.ts';
import { loadCypherCatalog, loadSchemaStatements, type CypherCatalog, type QueryName } from './cypher.ts';
import { createFirstRunGate, planKey } from './first-run.ts';
import { toPlain, type Plain } from './values.ts';

export type Row = Record<string, Plain>;
export type Params = Record<string, unknown>;

export interface DatabaseOptions {
  uri: string;
  auth?: { user: string; password: string } | undefined;
  database: string;
  queryTimeoutMs: number;
  logger: Logger;
  catalog?: CypherCatalog;
}

/** Runs named statements inside one transaction (used by imports, merges and restores). */
export interface Transaction {
  run(name: QueryName, params?: Params): Promise<Row[]>;
}

/** Streams the rows of named statements inside one read transaction. */
export interface StreamTransaction {
  stream(name: QueryName, params: Params, onRow: (row: Row) => void | Promise<void>): Promise<void>;
}

/**
 * The graph generation: a counter in Neo4j that every committed write transaction increments (a refused
 * or empty one-statement write is rolled back with its increment, see Database.write), and the epoch of
 * the node that holds it (a restored or wiped database starts a new epoch, so a counter that starts again
 * from 1 is never mistaken for the old one). Replicas compare it to decide whether a cached answer may
 * still be served.
 */
export interface Generation {
  value: number;
  epoch: string;
}
export const generationKey = (g: Generation) => `${g.value}@${g.epoch}`;

export interface Database {
  read(name: QueryName, params?: Params): Promise<Row[]>;
  /**
   * One statement, one transaction, with the generation bump pipelined behind it. `accept` turns the rows
   * into the caller's answer before the transaction commits: what it throws (a stale version, an unknown
   * id) rolls the transaction back, so a rejected write leaves the generation, every replica's cache and
   * the client's bookmark as they were. A statement that changed nothing is rolled back too, for the same
   * reason.
   */
  write(name: QueryName, params?: Params): Promise<Row[]>;
  write<T>(name: QueryName, params: Params, accept: (rows: Row[]) => T): Promise<T>;
  /** Several statements, one transaction: all land or none do. */
  writeTransaction<T>(
    name: string,
    work: (tx: Transaction) => Promise<T>,
    options?: { timeoutMs?: number },
  ): Promise<T>;
  /** Streams rows of a read without holding the whole result in memory. */
  stream(
    name: QueryName,
    params: Params,
    onRow: (row: Row) => void | Promise<void>,
    options?: { timeoutMs?: number },
  ): Promise<void>;
  /**
   * Several streamed statements in ONE read transaction (an export's nodes, then its edges), so they read
   * one state of the graph; long reads give their own timeout instead of the interactive one.
   */
  streamTransaction(
    name: string,
    work: (tx: StreamTransaction) => Promise<void>,
    options?: { timeoutMs?: number },
  ): Promise<void>;
  ping(): Promise<void>;
  /**
   * The generation as the database has it now. Concurrent callers without bookmarks share one read, but
   * only a read that began after they asked (so no caller gets a value older than its own call).
   */
  generation(): Promise<Generation>;
  /** Called after every committed write with the generation it wrote. */
  onCommit(listener: (generation: Generation) => void): void;
  /**
   * Runs work while holding the named lock node in Neo4j: every process that asks for the same name waits
   * until the holder is done (or gone: a dead holder's transaction is rolled back, releasing the lock).
   */
  withJobLock<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** A read outside any request (background refreshes): not counted in statementCount. */
  readInBackground(name: QueryName, params?: Params): Promise<Row[]>;
  applySchema(): Promise<{ statements: number }>;
  /** Statements sent since start; tests use it to prove one round trip per request. */
  readonly statementCount: number;
  /** Generation checks (cache hits) since start, which statementCount leaves out. */
  readonly generationReadCount: number;
  /**
   * Why the database itself is broken (it panicked and must be restarted), as the last failed statement
   * said; undefined once a statement succeeds again. /health and /ready answer 503 with it.
   */
  healthProblem(): string | undefined;
  close(): Promise<void>;
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** JavaScript numbers are floats to the driver; whole numbers go to Cypher as integers (LIMIT needs them). */
export function toDriverParams(value: unknown): never {
  if (typeof value === 'number') return (Number.isSafeInteger(value) ? neo4j.int(value) : value) as never;
  if (Array.isArray(value)) return value.map(toDriverParams) as never;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDriverParams(v)])) as never;
  }
  return value as never;
}

/** The per-transaction memory cap (or the global pool): the query is too big, retrying cannot help. */
export function isMemoryLimitError(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    (error.code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' ||
      error.code.includes('MemoryLimitExceeded'))
  );
}

/**
 * A panicked database (DatabaseHealth: a failed transaction-log write, e.g. on a full disk) refuses every
 * transaction with "…has encountered a critical error, and needs to be restarted" until Neo4j restarts.
 * Its code is a DatabaseError, not a transient one, so without this it was an INTERNAL_SERVER_ERROR.
 */
export function isDatabasePanic(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    error.code.startsWith('Neo.DatabaseError.') &&
    /critical error, and needs to be restarted/i.test(error.message)
  );
}

export const DATABASE_PANICKED =
  'The graph database has failed (it panicked, e.g. after its disk filled up) and must be restarted: ' +
  'npm start restarts the local Neo4j on its own; restart a remote one (README "Operations"). Retry in a minute.';

export function mapDriverError(error: unknown, query: string): unknown {
  if (error instanceof AppError) return error;
  if (isDatabasePanic(error))
    return new AppError('DATABASE_UNAVAILABLE', DATABASE_PANICKED, { query, reason: 'DATABASE_PANICKED' });
  if (error instanceof Neo4jError) {
    // Before the retryable check: the memory error is "transient", but the same query fails again.
    if (isMemoryLimitError(error)) {
      return new AppError('QUERY_TIMEOUT', 'The query needed more memory than allowed; narrow it.', {
        query,
      });
    }
    // Every pooled connection is busy (the driver waited connectionAcquisitionTimeout): the server is
    // overloaded, not broken.
    if (error.message.startsWith('Connection acquisition timed out')) {
      return new AppError('OVERLOADED', 'The server is busy; retry in a few seconds.', { query });
    }
    if (
      error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
      error.code === 'Neo.TransientError.Transaction.LockClientStopped'
    ) {
      return new AppError(
        'QUERY_TIMEOUT',
        'The query took too long and was stopped; narrow it (fewer ids, lower depth or limit).',
        {
          query,
        },
      );
    }
    // A dropped connection or a transient failure that outlived the driver's retries: the database is,
    // for now, not usable; the client should retry.
    if (
      UNAVAILABLE_CODES.has(error.code) ||
      error.code.startsWith('Neo.TransientError.Database') ||
      // The driver's exported isRetriableError is an unbound static (TypeError when called): read the flag.
      error.retryable
    ) {
      return new AppError(
        'DATABASE_UNAVAILABLE',
        'The graph database is unavailable; retry in a few seconds.',
        {
          query,
        },
      );
    }
    if (error.code.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) {
      return new AppError(
        'BAD_USER_INPUT',
        'The Linkage-Bookmark header holds a bookmark this database did not issue; send the request without it.',
        { query },
      );
    }
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new AppError('CONFLICT', 'That id is already taken; choose another id.', { query });
    }
  }
  return error;
}

/** How long transient failures (a cluster leader switch, a dropped connection) are retried. */
const RETRY_MS = 3_000;
/**
 * The first run of a statement may take this many times the query timeout: it includes Neo4j's planning,
 * which on a cold JVM can take longer than the run itself ever will (first-run.ts).
 */
const FIRST_RUN_TIMEOUT_FACTOR = 4;
/** Failures after which a statement's plan may not be in the database's cache (it is run alone again). */
const UNPLANNED_CODES = new Set(['QUERY_TIMEOUT', 'DATABASE_UNAVAILABLE', 'OVERLOADED']);
/** A start-up job (schema, migrations, seed) may hold its lock this long; waiters wait as long. */
const JOB_LOCK_TIMEOUT_MS = 30 * 60_000;

const toGeneration = (row: Row): Generation => ({
  value: Number(row.value ?? 0),
  epoch: typeof row.epoch === 'string' ? row.epoch : '',
});

/** Driver records become plain rows here, the one place that sees driver values. */
function toRow(record: { keys: PropertyKey[]; get(key: PropertyKey): unknown }): Row {
  const row: Row = {};
  for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
  return row;
}

export function createDatabase(options: DatabaseOptions): Database {
  const catalog = options.catalog ?? loadCypherCatalog();
  const driver: Driver = neo4j.driver(
    options.uri,
    options.auth ? neo4j.auth.basic(options.auth.user, options.auth.password) : undefined,
    {
      // Fail fast when the database is down, so requests answer DATABASE_UNAVAILABLE instead of hanging.
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: RETRY_MS,
      maxConnectionPoolSize: 50,
      disableLosslessIntegers: false,
      userAgent: 'linkage/0.1',
      logging: {
        level: 'warn',
        logger: (level, message) =>
          options.logger[level === 'error' ? 'error' : 'warn']({ neo4j: true }, message),
      },
    },
  );
  let statements = 0;
  const databaseName = options.database;
  const log = options.logger.child({ component: 'db' });

  const txConfig = (query: string, timeoutMs = options.queryTimeoutMs) => ({
    metadata: { app: 'linkage', query },
    timeout: timeoutMs,
  });
  const firstRuns = createFirstRunGate(
    (error) => error instanceof AppError && !UNPLANNED_CODES.has(error.code),
  );
  const firstRunTimeoutMs = options.queryTimeoutMs * FIRST_RUN_TIMEOUT_FACTOR;

  // The last failed statement's word that the database panicked; cleared by the next that succeeds.
  let panicked: string | undefined;
  const healthy = () => {
    panicked = undefined;
  };

  /** Maps a driver error for the caller; database faults that are not the caller's are logged once here. */
  function failure(error: unknown, query: string): unknown {
    if (isDatabasePanic(error)) {
      if (!panicked) log.error({ err: error, query }, 'the database panicked: it must be restarted');
      panicked = DATABASE_PANICKED;
    }
    const mapped = mapDriverError(error, query);
    // A restarted Neo4j starts with an empty plan cache: first runs go alone again.
    if (mapped instanceof AppError && mapped.code === 'DATABASE_UNAVAILABLE') firstRuns.forget();
    if (error instanceof Neo4jError && !(mapped instanceof AppError))
      log.error({ err: error, query }, 'query failed');
    return mapped;
  }

  async function runIn(tx: ManagedTransaction, name: QueryName, params: Params): Promise<Row[]> {
    statements += 1;
    const result = await tx.run(catalog[name], toDriverParams(params));
    return result.records.map(toRow);
  }

  /** The rows of one statement and whether it changed anything in the database. */
  async function runCounted(tx: ManagedTransaction, name: QueryName, params: Params) {
    statements += 1;
    const result = await tx.run(catalog[name], toDriverParams(params));
    return { rows: result.records.map(toRow), changed: result.summary.counters.containsUpdates() };
  }

  const commitListeners: ((generation: Generation) => void)[] = [];

  async function bumpGeneration(tx: ManagedTransaction): Promise<Generation> {
    const result = await tx.run(catalog['bump-generation']);
    return toGeneration(toRow(result.records[0]!));
  }

  /**
   * Thrown inside a write transaction to roll it back while still answering `value` (a statement that
   * changed nothing): the driver rolls back on any error, and this one is not retried.
   */
  class Unchanged {
    constructor(readonly value: unknown) {}
  }

  async function withSession<T>(
    mode: 'READ' | 'WRITE',
    query: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    options: { timeoutMs?: number; pipelineBump?: boolean } = {},
  ): Promise<T> {
    const consistency = currentConsistency();
    const session = driver.session({
      database: databaseName,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarks: consistency?.bookmarks ?? [],
    });
    const started = performance.now();
    let generation: Generation | undefined;
    // The driver retries "transient" failures by running the whole work again; a memory-cap failure would
    // fail again (a whole import re-run for nothing), so it leaves the retry loop as an AppError.
    // Every write transaction bumps the generation before it commits (see Generation). For a one-statement
    // write the bump is pipelined behind the statement: the same round trip, the same transaction; if the
    // write is then refused, the rollback takes the bump with it.
    const once = async (tx: ManagedTransaction) => {
      generation = undefined; // a retried attempt starts again
      try {
        if (mode === 'READ') return await work(tx);
        if (options.pipelineBump) {
          // Both settle before the transaction ends: a refusal from work must not roll back under the bump.
          const [result, bumped] = await Promise.allSettled([work(tx), bumpGeneration(tx)]);
          if (result.status === 'rejected') throw result.reason;
          if (bumped.status === 'rejected') throw bumped.reason;
          generation = bumped.value;
          return result.value;
        }
        const result = await work(tx);
        generation = await bumpGeneration(tx);
        return result;
      } catch (error) {
        throw isMemoryLimitError(error) ? mapDriverError(error, query) : error;
      }
    };
    try {
      const result =
        mode === 'READ'
          ? await session.executeRead(once, txConfig(query, options.timeoutMs))
          : await session.executeWrite(once, txConfig(query, options.timeoutMs));
      healthy();
      if (generation) {
        consistency?.onCommit?.(session.lastBookmarks());
        for (const listener of commitListeners) listener(generation);
      }
      return result;
    } catch (error) {
      if (error instanceof Unchanged) {
        healthy();
        return error.value as T;
      }
      throw failure(error, query);
    } finally {
      log.debug({ query, ms: Math.round(performance.now() - started) }, 'query');
      await session.close();
    }
  }

  /**
   * A read is one statement, so an auto-commit transaction gives the same guarantees as a managed one with
   * one round trip instead of two (no separate BEGIN and COMMIT): on this machine that saves 20–45 % of the
   * driver's CPU per request. Managed transactions retried transient failures; this loop keeps that.
   */
  function readOnce(name: QueryName, params: Params, counted = true): Promise<Row[]> {
    return firstRuns.run(planKey(name, params), (first) =>
      readRetrying(name, params, counted, first ? firstRunTimeoutMs : options.queryTimeoutMs),
    );
  }

  async function readRetrying(
    name: QueryName,
    params: Params,
    counted: boolean,
    timeoutMs: number,
  ): Promise<Row[]> {
    const deadline = performance.now() + RETRY_MS;
    const bookmarks = currentConsistency()?.bookmarks ?? [];
    for (let attempt = 1; ; attempt += 1) {
      const session = driver.session({
        database: options.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarks,
      });
      const started = performance.now();
      try {
        if (counted) statements += 1;
        const result = await session.run(catalog[name], toDriverParams(params), txConfig(name, timeoutMs));
        healthy();
        return result.records.map(toRow);
      } catch (error) {
        if (neo4j.isRetryableError(error) && !isMemoryLimitError(error) && performance.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 100 * 2 ** attempt)));
          continue;
        }
        throw failure(error, name);
      } finally {
        log.debug({ query: name, ms: Math.round(performance.now() - started) }, 'query');
        await session.close();
      }
    }
  }

  async function streamTransaction(
    name: string,
    work: (tx: StreamTransaction) => Promise<void>,
    opts?: { timeoutMs?: number },
  ): Promise<void> {
    const session = driver.session({
      database: options.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarks: currentConsistency()?.bookmarks ?? [],
    });
    try {
      const tx = session.beginTransaction(txConfig(name, opts?.timeoutMs));
      try {
        await work({
          async stream(query, params, onRow) {
            statements += 1;
            const result = tx.run(catalog[query], toDriverParams(params));
            for await (const record of result) await onRow(toRow(record));
          },
        });
        await tx.commit();
      } finally {
        if (tx.isOpen()) await tx.rollback();
      }
    } catch (error) {
      throw mapDriverError(error, name);
    } finally {
      await session.close();
    }
  }

  // Counted apart from statements: a generation check replaces a query (a cache hit), it does not add one.
  let generationReads = 0;
  async function readGeneration(): Promise<Generation> {
    generationReads += 1;
    return toGeneration((await readOnce('read-generation', {}, false))[0] ?? {});
  }
  // A read that is running, and the one queued behind it for callers who arrived while it ran: they must
  // not take its answer, which may predate a write acknowledged to them just before they asked.
  let runningRead: Promise<Generation> | undefined;
  let queuedRead: Promise<Generation> | undefined;
  const startRead = () => {
    const read: Promise<Generation> = readGeneration().finally(() => {
      if (runningRead === read) runningRead = undefined;
    });
    runningRead = read;
    return read;
  };
  function sharedGenerationRead(): Promise<Generation> {
    if (!runningRead) return startRead();
    queuedRead ??= runningRead
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queuedRead = undefined;
        return startRead();
      });
    return queuedRead;
  }

  return {
    get statementCount() {
      return statements;
    },
    get generationReadCount() {
      return generationReads;
    },
    healthProblem: () => panicked,
    read: (name, params = {}) => readOnce(name, params),
    readInBackground: (name, params = {}) => readOnce(name, params, false),
    // Gated like reads (a multi-statement transaction is not: an import's first run may take minutes).
    write: (<T>(name: QueryName, params: Params = {}, accept?: (rows: Row[]) => T) =>
      firstRuns.run(planKey(name, params), (first) =>
        withSession(
          'WRITE',
          name,
          async (tx) => {
            const { rows, changed } = await runCounted(tx, name, params);
            // Before the commit: a refusal thrown here rolls back the statement and the generation bump.
            const answer = accept ? accept(rows) : rows;
            if (!changed) throw new Unchanged(answer);
            return answer;
          },
          { pipelineBump: true, timeoutMs: first ? firstRunTimeoutMs : undefined },
        ),
      )) as Database['write'],
    writeTransaction: (name, work, opts) =>
      withSession('WRITE', name, (tx) => work({ run: (query, params = {}) => runIn(tx, query, params) }), {
        timeoutMs: opts?.timeoutMs,
      }),
    generation: () =>
      (currentConsistency()?.bookmarks.length ?? 0) > 0 ? readGeneration() : sharedGenerationRead(),
    onCommit(listener) {
      commitListeners.push(listener);
    },
    async withJobLock(name, work) {
      const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.WRITE });
      try {
        // The lock node's uniqueness constraint first: without it two processes could each MERGE their own.
        for (const statement of loadSchemaStatements(undefined, 'schema-locks.cypher'))
          await session.run(statement, {}, txConfig('schema-locks'));
        const tx = session.beginTransaction(txConfig(`lock:${name}`, JOB_LOCK_TIMEOUT_MS));
        try {
          statements += 1;
          await tx.run(catalog['acquire-job-lock'], {
            name,
            holder: `${os.hostname()}:${process.pid}`,
            now: new Date().toISOString(),
          });
          const result = await work();
          await tx.commit();
          return result;
        } finally {
          if (tx.isOpen()) await tx.rollback();
        }
      } catch (error) {
        throw failure(error, `lock:${name}`);
      } finally {
        await session.close();
      }
    },
    stream(name, params, onRow, opts) {
      return streamTransaction(name, (tx) => tx.stream(name, params, onRow), opts);
    },
    streamTransaction,
    async ping() {
      await withSession('READ', 'ping', (tx) => runIn(tx, 'ping', {}), { timeoutMs: 2_000 });
    },
    async applySchema() {
      const schema = loadSchemaStatements();
      const session = driver.session({ database: options.database });
      try {
        // Schema statements cannot share a transaction with each other; each is idempotent (IF NOT EXISTS).
        for (const statement of schema) {
          statements += 1;
          await session.run(statement, {}, txConfig('schema'));
        }
        await session.run('CALL db.awaitIndexes(300)');
      } catch (error) {
        throw mapDriverError(error, 'schema');
      } finally {
        await session.close();
      }
      return { statements: schema.length };
    },
    close: () => driver.close(),
  };
}
