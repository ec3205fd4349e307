// The foundation as a user meets it: the schema, the Korean full-text index, readiness that follows the
// database, configuration that fails fast, and `npm start` from start to clean stop and restart.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findFreePort, startLocalNeo4j, type LocalNeo4j } from '../../neo4j/local-neo4j.ts';
import { loadConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/main.ts';
import { neo4jEnv, quietLogger, rememberCredentials, testDatabase, testDriver } from '../helpers/db.ts';
import { errorCode, gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

const root = path.resolve(import.meta.dirname, '../..');

async function schemaShape(uri: string) {
  const driver = testDriver(uri);
  try {
    const indexes = await driver.executeQuery(
      'SHOW INDEXES YIELD name, type, options RETURN name, type, options ORDER BY name',
      {},
      { database: 'neo4j' },
    );
    const constraints = await driver.executeQuery(
      'SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name',
      {},
      { database: 'neo4j' },
    );
    return {
      indexes: indexes.records.map((r) => `${r.get('name')}:${r.get('type')}`),
      analyzer: indexes.records.find((r) => r.get('name') === 'entity_search')?.get('options')?.indexConfig?.[
        'fulltext.analyzer'
      ],
      constraints: constraints.records.map((r) => String(r.get('name'))),
    };
  } finally {
    await driver.close();
  }
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('schema and full-text search', () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await startProductForTests(inject('neo4jUri'));
  });
  afterAll(() => product.close());

  it('applies the schema twice without changing it', async () => {
    const uri = inject('neo4jUri');
    const db = testDatabase(uri);
    try {
      const before = await schemaShape(uri);
      await db.applySchema();
      await db.applySchema();
      const after = await schemaShape(uri);
      expect(after).toEqual(before);
      expect(after.constraints).toEqual(expect.arrayContaining(['entity_id', 'source_id']));
      expect(after.analyzer).toBe('cjk');
    } finally {
      await db.close();
    }
  });

  it('finds a Korean name by a fragment of it (cjk bigrams)', async () => {
    const response = await gql(product.url, '{ search(text: "커버") { entity { id nameKo } } }');
    expect(response.errors).toBeUndefined();
    expect(response.data!.search.map((h: { entity: { id: string } }) => h.entity.id)).toContain(
      'mark-zuckerberg',
    );
    const cho = await gql(product.url, '{ search(text: "주완") { entity { id } } }');
    expect(cho.data!.search[0].entity.id).toBe('cho-joo-wan');
  });

  it('serves an offline GraphiQL page and a client at /', async () => {
    const graphiql = await fetch(`${product.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await graphiql.text();
    expect(graphiql.status).toBe(200);
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
    expect(html).not.toMatch(/<link[^>]+href="https?:\/\//);
    const client = await fetch(`${product.url}/`);
    expect(client.status).toBe(200);
    expect(await client.text()).toContain('<title>');
  });
});

describe('readiness follows the database', () => {
  let dataDir: string;
  let local: LocalNeo4j | undefined;
  let server: RunningServer | undefined;
  let boltPort: number;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-ready-'));
    boltPort = await findFreePort();
    local = await startLocalNeo4j({ dataDir, boltPort, pageCache: '64m', heap: '512m' });
    rememberCredentials(local);
    server = await startServer(
      loadConfig({
        ...neo4jEnv(local.uri),
        PORT: '0',
        LINKAGE_TOKENS_FILE: path.join(dataDir, 'tokens.json'),
      }),
      {
        logger: quietLogger(),
        seed: true,
      },
    );
    await server.ready;
  });
  afterAll(async () => {
    await server?.close();
    await local?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with a reason while Neo4j is down and recovers on its own', async () => {
    expect((await fetch(`${server!.url}/ready`)).status).toBe(200);
    await local!.stop();

    const down = await fetch(`${server!.url}/ready`);
    expect(down.status).toBe(503);
    expect((await down.json()).reason).toMatch(/unavailable|did not answer/i);
    const query = await gql(server!.url, '{ search(text: "메타") { entity { id } } }');
    expect(errorCode(query)).toBe('DATABASE_UNAVAILABLE');
    expect((await fetch(`${server!.url}/health`)).status).toBe(200);

    local = await startLocalNeo4j({ dataDir, boltPort, pageCache: '64m', heap: '512m' });
    await waitFor(
      async () => ((await fetch(`${server!.url}/ready`)).status === 200 ? true : undefined),
      60_000,
    );
    const again = await gql(server!.url, '{ search(text: "메타") { entity { id } } }');
    expect(again.errors).toBeUndefined();
    expect(again.data!.search[0].entity.id).toBe('meta');
  });
});

function runNpmStart(env: Record<string, string>) {
  const child = spawn(process.execPath, ['scripts/bootstrap.mjs', 'start'], {
    cwd: root,
    env: { ...process.env, ...env, NEO4J_URI: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('npm start', () => {
  it('fails fast on bad configuration, naming the variable', async () => {
    const run = runNpmStart({ PORT: 'not-a-port', NEO4J_PASSWORD: 'x' });
    expect(await run.exited).toBe(78);
    expect(run.output()).toMatch(/PORT: expected a port number/);
    expect(run.output()).toMatch(/NEO4J_USER: set NEO4J_USER and NEO4J_PASSWORD together/);
  });

  it(
    'brings the product up, stops cleanly on SIGTERM and keeps the data on restart',
    { timeout: 420_000 },
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-start-'));
      const env = {
        PORT: String(await findFreePort()),
        NEO4J_BOLT_PORT: String(await findFreePort()),
        NEO4J_DATA_DIR: path.join(dir, 'neo4j'),
        LINKAGE_TOKENS_FILE: path.join(dir, 'tokens.json'),
        NEO4J_PAGECACHE: '64m',
        NEO4J_HEAP: '512m',
      };
      const url = `http://127.0.0.1:${env.PORT}`;
      let run: ReturnType<typeof runNpmStart> | undefined;
      try {
        run = runNpmStart(env);
        await waitFor(
          async () => (run!.output().includes(`Linkage is running at ${url}`) ? true : undefined),
          180_000,
        );
        expect(run.output()).toMatch(/Your editor token .*\n\s*\n\s*lk_[A-Za-z0-9_-]{43}/);
        // Tokens live in the database (shared by replicas): only their hashes, and no token file is written.
        expect(fs.existsSync(env.LINKAGE_TOKENS_FILE)).toBe(false);
        expect((await fetch(`${url}/ready`)).status).toBe(200);
        expect((await gql(url, '{ __typename }')).data).toEqual({ __typename: 'Query' });
        // The audit trail needs a token (issue 12, item 19): the editor token npm start printed.
        const token = /lk_[A-Za-z0-9_-]{43}/.exec(run.output())![0];
        const first = await gql(url, '{ stats { entities relationships } auditTrail { action } }', {}, token);
        expect(first.data!.stats.entities).toBeGreaterThan(50);

        run.child.kill('SIGTERM');
        expect(await run.exited).toBe(0);
        expect(await portIsFree(Number(env.PORT))).toBe(true);
        expect(await portIsFree(Number(env.NEO4J_BOLT_PORT))).toBe(true);

        run = runNpmStart(env);
        await waitFor(
          async () => (run!.output().includes(`Linkage is running at ${url}`) ? true : undefined),
          180_000,
        );
        expect(run.output()).not.toContain('Your editor token');
        const second = await gql(
          url,
          '{ stats { entities relationships } auditTrail { action } }',
          {},
          token,
        );
        expect(second.data!.stats).toEqual(first.data!.stats);
        // The seed graph is loaded once: a restart finds the data and does not import again.
        expect(second.data!.auditTrail.filter((a: { action: string }) => a.action === 'import')).toHaveLength(
          1,
        );
      } finally {
        run?.child.kill('SIGTERM');
        await run?.exited;
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
