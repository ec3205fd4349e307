// Every expected error code through HTTP, each with a message that says what to do, and
// DATABASE_UNAVAILABLE from a product whose Neo4j is not there.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { issueToken } from '../../server/auth/tokens.ts';
import { loadConfig } from '../../server/config.ts';
import { ERROR_CODES } from '../../server/errors.ts';
import { startServer, type RunningServer } from '../../server/main.ts';
import { quietLogger } from '../helpers/db.ts';
import {
  errorCode,
  gql,
  startProductForTests,
  type GraphQLResponse,
  type TestProduct,
} from '../helpers/product.ts';
import { ok } from '../helpers/api.ts';

let product: TestProduct;

beforeAll(async () => {
  product = await startProductForTests(inject('neo4jUri'));
});
afterAll(async () => {
  await product?.close();
});

const expectCode = (response: GraphQLResponse, code: string) => {
  expect(errorCode(response), JSON.stringify(response.errors)).toBe(code);
  expect(response.errors?.[0]?.message.length).toBeGreaterThan(10);
  expect(JSON.stringify(response.errors)).not.toMatch(/\s+at\s.+\.(ts|js):\d+/);
};

describe('error codes', () => {
  it('BAD_USER_INPUT names the argument and what to send', async () => {
    const response = await gql(product.url, '{ neighborhood(ids: ["meta"], depth: 9) { totalNodes } }');
    expectCode(response, 'BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/depth must be between 1 and 3/);
    expect(response.errors?.[0]?.extensions?.field).toBe('depth');
  });

  it('NOT_FOUND: the neighbourhood of an unknown id', async () => {
    const response = await gql(product.url, '{ neighborhood(ids: ["no-such-entity"]) { totalNodes } }');
    expectCode(response, 'NOT_FOUND');
    expect(response.errors?.[0]?.extensions?.ids).toEqual(['no-such-entity']);
    expect(response.data ?? null).toBeNull();
  });

  it('UNAUTHENTICATED: a mutation without a token', async () => {
    expectCode(
      await gql(product.url, 'mutation { addNote(targetId: "meta", text: "x") { id } }'),
      'UNAUTHENTICATED',
    );
  });

  it('FORBIDDEN: a mutation with a reader token', async () => {
    expectCode(
      await gql(
        product.url,
        'mutation { addNote(targetId: "meta", text: "x") { id } }',
        {},
        product.readerToken,
      ),
      'FORBIDDEN',
    );
  });

  it('CONFLICT: a stale update, with the current version', async () => {
    const update =
      'mutation ($v: Int!) { updateEntity(id: "nvidia", version: $v, patch: { description: "x" }) { version } }';
    await ok(product.url, update, { v: 1 }, product.editorToken);
    const stale = await gql(product.url, update, { v: 1 }, product.editorToken);
    expectCode(stale, 'CONFLICT');
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(2);
  });

  it('GraphQL syntax and validation errors keep their message and code, without data', async () => {
    const unknownField = await gql(product.url, '{ entity(id: "meta") { salary } }');
    expectCode(unknownField, 'GRAPHQL_VALIDATION_FAILED');
    expect(unknownField.errors?.[0]?.message).toMatch(/salary/);
    expect(unknownField.data ?? null).toBeNull();
    const wrongType = await gql(product.url, '{ neighborhood(ids: ["meta"], depth: "deep") { totalNodes } }');
    expectCode(wrongType, 'GRAPHQL_VALIDATION_FAILED');
    const syntax = await gql(product.url, '{ entity(id: "meta") { id ');
    expect(['GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT']).toContain(errorCode(syntax));
    expect(syntax.errors?.[0]?.message).toMatch(/Syntax Error/);
  });

  it('the codes are the documented ones', () => {
    expect([...ERROR_CODES]).toEqual(
      expect.arrayContaining([
        'BAD_USER_INPUT',
        'NOT_FOUND',
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'CONFLICT',
        'DATABASE_UNAVAILABLE',
      ]),
    );
  });
});

describe('DATABASE_UNAVAILABLE', () => {
  let server: RunningServer;
  let dir: string;
  let editorToken: string;

  const closedPort = () =>
    new Promise<number>((resolve, reject) => {
      const probe = net.createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-test-down-'));
    const tokensFile = path.join(dir, 'tokens.json');
    editorToken = issueToken(tokensFile, { name: 'down-editor', role: 'editor' });
    const config = loadConfig({
      NEO4J_URI: `bolt://127.0.0.1:${await closedPort()}`,
      PORT: '0',
      LINKAGE_TOKENS_FILE: tokensFile,
      LOG_LEVEL: 'silent',
    });
    // `ready` never resolves while the database is down, so it is not awaited.
    server = await startServer(config, { logger: quietLogger(), seed: false });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads answer DATABASE_UNAVAILABLE', { timeout: 60_000 }, async () => {
    for (const query of [
      '{ search(text: "meta") { score } }',
      '{ neighborhood(ids: ["meta"]) { totalNodes } }',
      '{ stats { entities } }',
    ]) {
      const response = await gql(server.url, query);
      expectCode(response, 'DATABASE_UNAVAILABLE');
      expect(response.errors?.[0]?.message).toMatch(/retry/);
    }
  });

  it('mutations answer DATABASE_UNAVAILABLE', { timeout: 60_000 }, async () => {
    const response = await gql(
      server.url,
      'mutation { addNote(targetId: "meta", text: "x") { id } }',
      {},
      editorToken,
    );
    expectCode(response, 'DATABASE_UNAVAILABLE');
  });

  it('input is still checked first, and auth still applies', async () => {
    expectCode(await gql(server.url, '{ search(text: "  ") { score } }'), 'BAD_USER_INPUT');
    expectCode(
      await gql(server.url, 'mutation { addNote(targetId: "meta", text: "x") { id } }'),
      'UNAUTHENTICATED',
    );
  });

  it('/ready answers 503 with the reason; /health stays 200', { timeout: 60_000 }, async () => {
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'down' });
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  });
});
