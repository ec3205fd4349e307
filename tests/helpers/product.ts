// The product as the tests meet it: a fresh seeded database, tokens for each role, the real app on a
// free port, and a small GraphQL client.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueToken } from '../../server/auth/tokens.ts';
import { loadConfig } from '../../server/config.ts';
import type { ResponseCacheStats } from '../../server/graphql/response-cache.ts';
import type { Logger } from '../../server/logger.ts';
import { startServer } from '../../server/main.ts';
import { neo4jEnv, quietLogger, wipeDatabase } from './db.ts';

export interface TestProduct {
  url: string;
  editorToken: string;
  readerToken: string;
  adminToken: string;
  expiredToken: string;
  tokensFile: string;
  statementCount: () => number;
  /** Generation checks made before serving cached answers (not in statementCount). */
  generationReads: () => number;
  /** The response cache's measured size (entries, bytes, bound) and its hit, miss and stale counts. */
  cacheStats: () => ResponseCacheStats;
  close: () => Promise<void>;
}

export async function startProductForTests(
  neo4jUri: string,
  options: {
    seed?: boolean;
    env?: Record<string, string>;
    logger?: Logger;
    /** As npm start passes it for a supervised local Neo4j (neo4j/supervisor.ts). */
    databaseDown?: () => string | undefined;
    databaseUnhealthy?: () => string | undefined;
  } = {},
): Promise<TestProduct> {
  await wipeDatabase(neo4jUri);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-test-tokens-'));
  const tokensFile = path.join(dir, 'tokens.json');
  const editorToken = issueToken(tokensFile, { name: 'test-editor', role: 'editor' });
  const readerToken = issueToken(tokensFile, { name: 'test-reader', role: 'reader' });
  const adminToken = issueToken(tokensFile, { name: 'test-admin', role: 'admin' });
  const expiredToken = issueToken(tokensFile, { name: 'test-expired', role: 'editor', expiresInDays: -1 });
  const config = loadConfig({
    ...neo4jEnv(neo4jUri),
    PORT: '0',
    LINKAGE_TOKENS_FILE: tokensFile,
    LOG_LEVEL: 'silent',
    LINKAGE_PREPARE_PLANS: 'false',
    ...options.env,
  });
  const server = await startServer(config, {
    logger: options.logger ?? quietLogger(),
    seed: options.seed ?? true,
    databaseDown: options.databaseDown,
    databaseUnhealthy: options.databaseUnhealthy,
  });
  await server.ready;
  return {
    url: server.url,
    editorToken,
    readerToken,
    adminToken,
    expiredToken,
    tokensFile,
    statementCount: () => server.db.statementCount,
    generationReads: () => server.db.generationReadCount,
    cacheStats: () => server.responseCache.stats(),
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export async function gql<T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  return { ...body, status: response.status };
}

export const errorCode = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;
