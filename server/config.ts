// The only module that reads the environment. Everything else receives a typed Config.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const port = z.coerce
  .number({ message: 'expected a port number' })
  .int('expected an integer port')
  .min(0, 'expected a port between 0 and 65535')
  .max(65535, 'expected a port between 0 and 65535');

const positiveInt = (what: string) =>
  z.coerce
    .number({ message: `expected ${what}` })
    .int(`expected ${what}`)
    .positive(`expected ${what}`);

const memorySize = z.string().regex(/^\d+[kmgKMG]?$/, 'expected a size such as 512m or 2g');

const neo4jUri = z
  .string()
  .regex(
    /^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/[^\s]+$/,
    'expected a Neo4j URI such as bolt://127.0.0.1:7687 or neo4j+s://xxxx.databases.neo4j.io',
  );

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  NEO4J_URI: neo4jUri.optional(),
  NEO4J_USER: z.string().min(1).optional(),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, 'expected a database name')
    .default('neo4j'),
  NEO4J_DATA_DIR: z.string().min(1).default('data/neo4j'),
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_PAGECACHE: memorySize.default('512m'),
  NEO4J_HEAP: memorySize.default('1g'),
  LINKAGE_TOKENS_FILE: z.string().min(1).default('data/tokens.json'),
  LINKAGE_BACKUP_KEY_FILE: z.string().min(1).default('data/backup-key'),
  LINKAGE_MIN_FREE_DISK_MB: z.coerce.number().int().min(0, 'expected 0 (off) or a size in MB').default(512),
  LINKAGE_DISK_WATCH_DIR: z.string().min(1).optional(),
  LINKAGE_READS_REQUIRE_TOKEN: boolean.default(false),
  LINKAGE_CORS_ORIGINS: z.string().default(''),
  LINKAGE_TRUST_PROXY: z
    .string()
    .regex(
      /^(false|true|loopback|linklocal|uniquelocal|\d+|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      'expected false, a hop count, loopback, or comma-separated proxy addresses/subnets',
    )
    .default('false'),
  LINKAGE_QUERY_TIMEOUT_MS: positiveInt('a timeout in milliseconds').default(15000),
  LINKAGE_EXPORT_TIMEOUT_MS: positiveInt('a timeout in milliseconds').default(30 * 60_000),
  LINKAGE_MAX_BODY_BYTES: positiveInt('a size in bytes').default(1_000_000),
  LINKAGE_RESPONSE_CACHE_TTL_MS: z.coerce
    .number()
    .int()
    .min(0, 'expected 0 (off) or a TTL in ms')
    .default(30000),
  LINKAGE_RESPONSE_CACHE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(0, 'expected 0 (off) or a size in bytes')
    .default(100_000_000),
  LINKAGE_AUTH_FAILURES_PER_MINUTE: positiveInt('a count').default(20),
  LINKAGE_SOURCE_TEXTS_DIR: z.string().min(1).optional(),
  LINKAGE_HUB_DEGREE: positiveInt('a relationship count').default(1000),
  LINKAGE_PREPARE_PLANS: boolean.default(true),
  LINKAGE_MAX_QUERY_COST: positiveInt('a cost').default(4000),
  LINKAGE_HEAVY_QUERY_CAPACITY: positiveInt('a cost').default(6000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  host: string;
  port: number;
  neo4j: {
    /** Undefined means: run the local embedded Neo4j from neo4j/ (its password: neo4j/credentials.ts). */
    uri: string | undefined;
    auth: { user: string; password: string } | undefined;
    database: string;
    local: { dataDir: string; boltPort: number; pageCache: string; heap: string };
  };
  auth: { tokensFile: string; readsRequireToken: boolean; failuresPerMinute: number };
  /**
   * Backups: where `npm run backup` writes by default, and the HMAC key (0600) that signs each backup's
   * digest sidecar, so a restore checks a digest that does not come from the backup file itself.
   */
  backup: { dir: string; keyFile: string };
  /**
   * Writes are refused while the disk holding watchDir has less than minFreeBytes free (0 = off). watchDir
   * defaults to the local Neo4j's data directory; for another Neo4j, name a directory on its disk.
   */
  disk: { minFreeBytes: number; watchDir: string | undefined };
  http: {
    corsOrigins: string[];
    maxBodyBytes: number;
    /** express's "trust proxy": false unless LINKAGE_TRUST_PROXY names the proxy in front. */
    trustProxy: boolean | number | string;
  };
  queryTimeoutMs: number;
  /** The read transaction of one whole-graph export (it lasts as long as the client takes to read it). */
  exportTimeoutMs: number;
  responseCacheTtlMs: number;
  /** Upper bound of the response cache's memory (answers' text and bookkeeping). */
  responseCacheMaxBytes: number;
  /** Neighbourhoods do not expand through entities with more relationships than this beyond the first hop. */
  hubDegree: number;
  /**
   * Plan the explorer's first reads right after the seed (server/graph/prepare-plans.ts), so the first
   * analyst does not wait seconds for Neo4j's planner. Test servers turn it off: it costs CPU they share.
   */
  preparePlans: boolean;
  /**
   * Licensed plain-text copies of the seed's sources: each seed quote's sentence is read from them at load
   * time (the repository holds only the quotes). Null when the directory is absent.
   */
  sourceTextsDir: string | null;
  /** Query cost limits (server/graphql/query-budget.ts). */
  queryBudget: { maxCost: number; capacity: number };
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Where this project's machines keep the licensed seed article, next to the repository (shared/seed), unless
 * LINKAGE_SOURCE_TEXTS_DIR says otherwise; null when there is none.
 */
function sourceTextsDir(given: string | undefined): string | null {
  const dir = path.resolve(REPO_ROOT, given ?? '../shared/seed');
  return fs.existsSync(dir) ? dir : null;
}

/** Reads and validates the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: Env = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const key = issue.path.join('.') || '(environment)';
        const value = present[key];
        return `${key}: ${issue.message}${value === undefined ? '' : ` (got ${JSON.stringify(value)})`}`;
      });
  // Checked on the raw values so this problem is listed alongside any other.
  if ((present.NEO4J_USER === undefined) !== (present.NEO4J_PASSWORD === undefined)) {
    const missing = present.NEO4J_USER === undefined ? 'NEO4J_USER' : 'NEO4J_PASSWORD';
    problems.push(
      `${missing}: set NEO4J_USER and NEO4J_PASSWORD together (or neither: the local Neo4j's password is read from its password file)`,
    );
  }
  if (
    present.LINKAGE_SOURCE_TEXTS_DIR !== undefined &&
    !fs.existsSync(path.resolve(REPO_ROOT, present.LINKAGE_SOURCE_TEXTS_DIR))
  )
    problems.push(
      `LINKAGE_SOURCE_TEXTS_DIR: no such directory (got ${JSON.stringify(present.LINKAGE_SOURCE_TEXTS_DIR)}); point it at the directory of licensed source texts, or unset it`,
    );
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const fromRoot = (p: string) => path.resolve(REPO_ROOT, p);
  return {
    host: e.HOST,
    port: e.PORT,
    neo4j: {
      uri: e.NEO4J_URI,
      auth: e.NEO4J_USER && e.NEO4J_PASSWORD ? { user: e.NEO4J_USER, password: e.NEO4J_PASSWORD } : undefined,
      database: e.NEO4J_DATABASE,
      local: {
        dataDir: fromRoot(e.NEO4J_DATA_DIR),
        boltPort: e.NEO4J_BOLT_PORT,
        pageCache: e.NEO4J_PAGECACHE,
        heap: e.NEO4J_HEAP,
      },
    },
    auth: {
      tokensFile: fromRoot(e.LINKAGE_TOKENS_FILE),
      readsRequireToken: e.LINKAGE_READS_REQUIRE_TOKEN,
      failuresPerMinute: e.LINKAGE_AUTH_FAILURES_PER_MINUTE,
    },
    backup: { dir: fromRoot('data/backups'), keyFile: fromRoot(e.LINKAGE_BACKUP_KEY_FILE) },
    disk: {
      minFreeBytes: e.LINKAGE_MIN_FREE_DISK_MB * 1024 * 1024,
      watchDir: e.LINKAGE_DISK_WATCH_DIR === undefined ? undefined : fromRoot(e.LINKAGE_DISK_WATCH_DIR),
    },
    http: {
      corsOrigins: e.LINKAGE_CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
      maxBodyBytes: e.LINKAGE_MAX_BODY_BYTES,
      trustProxy:
        e.LINKAGE_TRUST_PROXY === 'false'
          ? false
          : e.LINKAGE_TRUST_PROXY === 'true'
            ? true
            : /^\d+$/.test(e.LINKAGE_TRUST_PROXY)
              ? Number(e.LINKAGE_TRUST_PROXY)
              : e.LINKAGE_TRUST_PROXY,
    },
    queryTimeoutMs: e.LINKAGE_QUERY_TIMEOUT_MS,
    exportTimeoutMs: e.LINKAGE_EXPORT_TIMEOUT_MS,
    responseCacheTtlMs: e.LINKAGE_RESPONSE_CACHE_TTL_MS,
    responseCacheMaxBytes: e.LINKAGE_RESPONSE_CACHE_MAX_BYTES,
    hubDegree: e.LINKAGE_HUB_DEGREE,
    preparePlans: e.LINKAGE_PREPARE_PLANS,
    sourceTextsDir: sourceTextsDir(e.LINKAGE_SOURCE_TEXTS_DIR),
    queryBudget: { maxCost: e.LINKAGE_MAX_QUERY_COST, capacity: e.LINKAGE_HEAVY_QUERY_CAPACITY },
    logLevel: e.LOG_LEVEL,
  };
}
