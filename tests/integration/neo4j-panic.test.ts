// Issue 12, item 6 (the rest): a Neo4j whose database panicked (after a failed transaction-log write on a
// full disk: "Error reading transaction logs", a DatabaseHealth panic) keeps its process running while
// every transaction fails. Before: every request was INTERNAL_SERVER_ERROR, /health and /ready said ok,
// and nothing recovered until a manual restart. Now: DATABASE_UNAVAILABLE, /health and /ready 503 with the
// reason, and the supervisor restarts the local Neo4j. The panic is the real one (DatabaseHealth.panic),
// injected through the launcher's stdin (LocalNeo4j.java, `inject-panic`), so it happens every run.
// (STOP DATABASE, the other way to take a database offline, is refused by Community Neo4j.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureNeo4jInstalled,
  findFreePort,
  startLocalNeo4j,
  type LocalNeo4j,
} from '../../neo4j/local-neo4j.ts';
import { superviseLocalNeo4j, type SupervisedNeo4j, type SupervisionEvent } from '../../neo4j/supervisor.ts';
import { rememberCredentials } from '../helpers/db.ts';
import { eventually } from '../helpers/wait.ts';
import {
  errorCode,
  gql,
  startProductForTests,
  type GraphQLResponse,
  type TestProduct,
} from '../helpers/product.ts';

const dirs: string[] = [];
const dataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-panic-'));
  dirs.push(dir);
  return dir;
};
// A generous start timeout: on a loaded machine a start took over the default 120 s.
const small = { heap: '512m', pageCache: '64m', startTimeoutMs: 360_000 };

async function state(url: string, route: '/health' | '/ready') {
  const response = await fetch(`${url}${route}`);
  return {
    status: response.status,
    body: (await response.json()) as { status: string; database?: string; reason?: string },
  };
}

const createEntity = (product: TestProduct, id: string) =>
  gql(
    product.url,
    `mutation($id: ID!, $name: String!) { createEntity(input: {id: $id, kind: "Organization", name: $name}) { id } }`,
    { id, name: id },
    product.editorToken,
  );

beforeAll(() => ensureNeo4jInstalled({ quiet: true }), 300_000);
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a panicked Neo4j that nothing restarts (a remote one)', () => {
  let neo4j: LocalNeo4j | undefined;
  let product: TestProduct | undefined;
  beforeAll(async () => {
    neo4j = await startLocalNeo4j({ dataDir: dataDir(), boltPort: await findFreePort(), ...small });
    rememberCredentials(neo4j);
    product = await startProductForTests(neo4j.uri, { env: { LINKAGE_RESPONSE_CACHE_TTL_MS: '0' } });
  }, 600_000);
  afterAll(async () => {
    await product?.close();
    await neo4j?.stop();
  });

  it('answers DATABASE_UNAVAILABLE (never INTERNAL_SERVER_ERROR); /health and /ready are 503 with the reason', async () => {
    const { url } = product!;
    expect((await createEntity(product!, 'before-panic')).errors).toBeUndefined();
    expect((await state(url, '/health')).status).toBe(200);

    neo4j!.send('inject-panic');
    let read: GraphQLResponse | undefined;
    const failed = await eventually(async () => {
      read = await gql(url, `{ entity(id: "before-panic") { id } }`);
      return read.errors !== undefined;
    }, 30_000);
    expect(failed, JSON.stringify(read)).toBe(true);
    expect(errorCode(read!)).toBe('DATABASE_UNAVAILABLE');
    expect(read!.errors![0]!.message).toMatch(/panicked.*must be restarted/);
    const write = await createEntity(product!, 'during-panic');
    expect(errorCode(write)).toBe('DATABASE_UNAVAILABLE');

    const health = await state(url, '/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unhealthy', database: 'failed' });
    expect(health.body.reason).toMatch(/panicked.*must be restarted/);
    const ready = await state(url, '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', database: 'failed' });
  }, 120_000);
});

describe('a panicked local Neo4j under supervision', () => {
  const events: SupervisionEvent[] = [];
  let neo4j: SupervisedNeo4j | undefined;
  let product: TestProduct | undefined;
  beforeAll(async () => {
    neo4j = await superviseLocalNeo4j(
      { dataDir: dataDir(), boltPort: await findFreePort(), ...small },
      { initialDelayMs: 500, onEvent: (event) => events.push(event) },
    );
    rememberCredentials(neo4j);
    product = await startProductForTests(neo4j.uri, {
      databaseDown: () => neo4j?.downReason(),
      databaseUnhealthy: () => neo4j?.unhealthyReason(),
      env: { LINKAGE_RESPONSE_CACHE_TTL_MS: '0' },
    });
  }, 600_000);
  afterAll(async () => {
    await product?.close();
    await neo4j?.stop();
  });

  it('is unhealthy, then restarted; the same server answers again with every acknowledged write', async () => {
    const { url } = product!;
    expect((await createEntity(product!, 'before-panic')).errors).toBeUndefined();
    const panicked = neo4j!.pid;

    neo4j!.send('inject-panic');
    let health: Awaited<ReturnType<typeof state>> | undefined;
    const sawUnhealthy = await eventually(async () => {
      health = await state(url, '/health');
      // A request can meet the panic a moment before the supervisor's check reports it; the database's own
      // reason then comes first, and the supervisor's (which takes precedence) follows within a second.
      return health.status === 503 && /restarting Neo4j/.test(String(health.body.reason));
    }, 30_000);
    expect(sawUnhealthy, JSON.stringify(events)).toBe(true);
    expect(health!.body.reason).toMatch(/database panicked .*restarting Neo4j/);
    expect(health!.body.reason).toContain(`pid ${panicked}`);
    expect((await state(url, '/ready')).status).toBe(503);
    const refused = await gql(url, `{ entity(id: "before-panic") { id } }`);
    expect(errorCode(refused)).toBe('DATABASE_UNAVAILABLE');

    const cameBack = await eventually(
      async () => (await state(url, '/ready')).status === 200 && (await state(url, '/health')).status === 200,
      240_000,
    );
    expect(cameBack, JSON.stringify(events)).toBe(true);
    expect(neo4j!.pid).not.toBe(panicked);
    expect(neo4j!.unhealthyReason()).toBeUndefined();
    expect(events.map((e) => e.event)).toEqual(['unhealthy', 'exited', 'restarting', 'restarted']);

    const read = await gql(url, `{ entity(id: "before-panic") { id } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data?.entity).toEqual({ id: 'before-panic' });
    expect((await createEntity(product!, 'after-restart')).errors).toBeUndefined();
    console.log(`panic recovery: ${events.map((e) => e.message).join(' | ')}`);
  }, 600_000);
});
