// The only module that touches neo4j-driver: one driver, read/write transactions with metadata and a
// timeout, plain values out, and one place that maps driver errors to application errors.
import neo4j, { Neo4jError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { loadCypherCatalog, loadSchemaStatements, type CypherCatalog, type QueryName } from './cypher.ts';
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

export interface Database {
  read(name: QueryName, params?: Params): Promise<Row[]>;
  write(name: QueryName, params?: Params): Promise<Row[]>;
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
  applySchema(): Promise<{ statements: number }>;
  /** Statements sent since start; tests use it to prove one round trip per request. */
  readonly statementCount: number;
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

export function mapDriverError(error: unknown, query: string): unknown {
  if (error instanceof AppError) return error;
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
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new AppError('CONFLICT', 'That id is already taken; choose another id.', { query });
    }
  }
  return error;
}

/** How long transient failures (a cluster leader switch, a dropped connection) are retried. */
const RETRY_MS = 3_000;

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
  const log = options.logger.child({ component: 'db' });

  const txConfig = (query: string, timeoutMs = options.queryTimeoutMs) => ({
    metadata: { app: 'linkage', query },
    timeout: timeoutMs,
  });

  /** Maps a driver error for the caller; database faults that are not the caller's are logged once here. */
  function failure(error: unknown, query: string): unknown {
    const mapped = mapDriverError(error, query);
    if (error instanceof Neo4jError && !(mapped instanceof AppError))
      log.error({ err: error, query }, 'query failed');
    return mapped;
  }

  async function runIn(tx: ManagedTransaction, name: QueryName, params: Params): Promise<Row[]> {
    statements += 1;
    const result = await tx.run(catalog[name], toDriverParams(params));
    return result.records.map(toRow);
  }

  async function withSession<T>(
    mode: 'READ' | 'WRITE',
    query: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs?: number,
  ) {
    const session = driver.session({
      database: options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const started = performance.now();
    // The driver retries "transient" failures by running the whole work again; a memory-cap failure would
    // fail again (a whole import re-run for nothing), so it leaves the retry loop as an AppError.
    const once = async (tx: ManagedTransaction) => {
      try {
        return await work(tx);
      } catch (error) {
        throw isMemoryLimitError(error) ? mapDriverError(error, query) : error;
      }
    };
    try {
      return mode === 'READ'
        ? await session.executeRead(once, txConfig(query, timeoutMs))
        : await session.executeWrite(once, txConfig(query, timeoutMs));
    } catch (error) {
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
  async function readOnce(name: QueryName, params: Params): Promise<Row[]> {
    const deadline = performance.now() + RETRY_MS;
    for (let attempt = 1; ; attempt += 1) {
      const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ });
      const started = performance.now();
      try {
        statements += 1;
        const result = await session.run(catalog[name], toDriverParams(params), txConfig(name));
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
    const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ });
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

  return {
    get statementCount() {
      return statements;
    },
    read: (name, params = {}) => readOnce(name, params),
    write: (name, params = {}) => withSession('WRITE', name, (tx) => runIn(tx, name, params)),
    writeTransaction: (name, work, opts) =>
      withSession(
        'WRITE',
        name,
        (tx) => work({ run: (query, params = {}) => runIn(tx, query, params) }),
        opts?.timeoutMs,
      ),
    stream(name, params, onRow, opts) {
      return streamTransaction(name, (tx) => tx.stream(name, params, onRow), opts);
    },
    streamTransaction,
    async ping() {
      await withSession('READ', 'ping', (tx) => runIn(tx, 'ping', {}), 2_000);
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
