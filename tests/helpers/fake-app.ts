// The real express + yoga app (buildApp) over a fake database, for the API tier of `npm run check`: what
// the HTTP and GraphQL layers decide on their own (limits, headers, CORS, roles, masking, input checks)
// needs no Neo4j. The fake records every statement the app asks for, so a test can prove that a refused
// request reached no database at all.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/app.ts';
import { authenticateAgainst, issueToken, readTokenFile } from '../../server/auth/tokens.ts';
import { loadConfig } from '../../server/config.ts';
import type { QueryName } from '../../server/db/cypher.ts';
import type { Database, Params, Row } from '../../server/db/database.ts';
import type { Logger } from '../../server/logger.ts';
import { quietLogger } from './db.ts';

export interface Statement {
  access: 'read' | 'write';
  name: QueryName;
  params: Params;
}

/** What the fake answers: rows per statement, or a throw. Unknown statements answer no rows. */
export type Answer = (statement: Statement) => Row[] | Promise<Row[]>;

export interface FakeApp {
  url: string;
  editorToken: string;
  readerToken: string;
  statements: Statement[];
  close(): Promise<void>;
}

export function fakeDatabase(answer: Answer, statements: Statement[]): Database {
  const run = async (access: Statement['access'], name: QueryName, params: Params = {}) => {
    const statement = { access, name, params };
    statements.push(statement);
    return answer(statement);
  };
  const stream: Database['stream'] = async (name, params, onRow) => {
    for (const row of await run('read', name, params)) await onRow(row);
  };
  return {
    read: (name, params) => run('read', name, params),
    write: (async (name: QueryName, params?: Params, accept?: (rows: Row[]) => unknown) => {
      const rows = await run('write', name, params);
      return accept ? accept(rows) : rows;
    }) as Database['write'],
    writeTransaction: (_name, work) => work({ run: (name, params) => run('write', name, params) }),
    stream,
    streamTransaction: (_name, work) => work({ stream }),
    ping: async () => {
      await run('read', 'ping');
    },
    applySchema: async () => ({ statements: 0 }),
    readInBackground: (name, params) => run('read', name, params),
    // One database, never written by anyone else: the generation stays where it is.
    generation: async () => ({ value: 0, epoch: 'fake' }),
    onCommit: () => {},
    withJobLock: (_name, work) => work(),
    get statementCount() {
      return statements.length;
    },
    generationReadCount: 0,
    healthProblem: () => undefined,
    close: async () => {},
  };
}

export async function startFakeApp(
  options: { env?: Record<string, string>; answer?: Answer; logger?: Logger } = {},
): Promise<FakeApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-api-tier-'));
  const tokensFile = path.join(dir, 'tokens.json');
  const editorToken = issueToken(tokensFile, { name: 'api-editor', role: 'editor' });
  const readerToken = issueToken(tokensFile, { name: 'api-reader', role: 'reader' });
  // NEO4J_URI names a database the fake stands in for: nothing connects to it.
  const config = loadConfig({
    NEO4J_URI: 'bolt://127.0.0.1:1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    LINKAGE_TOKENS_FILE: tokensFile,
    ...options.env,
  });
  const statements: Statement[] = [];
  const db = fakeDatabase(options.answer ?? (() => []), statements);
  const app = buildApp({
    config,
    db,
    // The tokens a real server would import from this file at start, compared exactly as it compares them.
    tokens: {
      authenticate: (header) => authenticateAgainst(readTokenFile(tokensFile), header, Date.now()),
      refresh: async () => {},
      close: () => {},
    },
    logger: options.logger ?? quietLogger(),
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    editorToken,
    readerToken,
    statements,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
