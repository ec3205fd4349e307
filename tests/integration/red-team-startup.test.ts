// Issue 12, item 24: /ready answered 200 as soon as Neo4j answered, before the schema and seed graph had
// landed, and a write that arrived during the seed load made the seed never load. Item 18: a second
// server on a busy HTTP port died with a stack trace.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { issueToken } from '../../server/auth/tokens.ts';
import { loadConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/main.ts';
import { neo4jEnv, quietLogger, wipeDatabase } from '../helpers/db.ts';
import { errorCode, gql } from '../helpers/product.ts';

const uri = inject('neo4jUri');
const REPO = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-startup-'));
const tokensFile = path.join(dir, 'tokens.json');
const editor = issueToken(tokensFile, { name: 'startup-editor', role: 'editor' });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('item 24: ready means prepared, and an early write cannot cancel the seed', () => {
  let server: RunningServer | undefined;
  afterAll(() => server?.close());

  it('answers 503 until the seed graph is in, refuses early writes, and the seed always loads', async () => {
    await wipeDatabase(uri);
    server = await startServer(
      loadConfig({ ...neo4jEnv(uri), PORT: '0', LINKAGE_TOKENS_FILE: tokensFile, LOG_LEVEL: 'silent' }),
      { logger: quietLogger(), seed: true },
    );
    let prepared = false;
    void server.ready.then(() => (prepared = true));
    const early = await gql(
      server.url,
      'mutation { createEntity(input: {id: "early-bird", kind: "Concept", name: "Early bird"}) { id } }',
      {},
      editor,
    );
    const readyWhilePreparing: number[] = [];
    while (!prepared) {
      const response = await fetch(`${server.url}/ready`);
      const seenPrepared = prepared;
      if (!seenPrepared) readyWhilePreparing.push(response.status);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(errorCode(early)).toBe('DATABASE_UNAVAILABLE');
    expect(readyWhilePreparing.length).toBeGreaterThan(0);
    expect(readyWhilePreparing.every((status) => status === 503)).toBe(true);
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    const seeded = await gql(server.url, '{ entity(id: "meta") { id } }');
    expect(seeded.data?.entity?.id).toBe('meta');
  });
});

describe('item 18: a busy HTTP port is a clear message, not a stack trace', () => {
  it('exits 1 naming the port', async () => {
    const busy = http.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'server', 'main.ts')], {
        cwd: REPO,
        env: {
          ...process.env,
          ...neo4jEnv(uri),
          PORT: String(port),
          LINKAGE_TOKENS_FILE: tokensFile,
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout!.on('data', (d) => (output += String(d)));
      child.stderr!.on('data', (d) => (output += String(d)));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(output).toMatch(new RegExp(`Port ${port} .* already in use`));
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });
});
