// Issue 12, item 7: the local Neo4j killed with SIGKILL is started again by its supervisor (as npm start
// runs it), /ready says so while it is down, and the same server answers again without a restart of Node,
// with every write acknowledged before the kill still there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureNeo4jInstalled, findFreePort } from '../../neo4j/local-neo4j.ts';
import { superviseLocalNeo4j, type SupervisedNeo4j, type SupervisionEvent } from '../../neo4j/supervisor.ts';
import { rememberCredentials } from '../helpers/db.ts';
import { eventually } from '../helpers/wait.ts';
import { gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-supervision-'));
const events: SupervisionEvent[] = [];
let neo4j: SupervisedNeo4j | undefined;
let product: TestProduct | undefined;

async function readyState(url: string) {
  const response = await fetch(`${url}/ready`);
  return { status: response.status, body: (await response.json()) as { status: string; reason?: string } };
}

beforeAll(async () => {
  await ensureNeo4jInstalled({ quiet: true });
  neo4j = await superviseLocalNeo4j(
    { dataDir, boltPort: await findFreePort(), heap: '512m', pageCache: '128m' },
    { initialDelayMs: 500, onEvent: (event) => events.push(event) },
  );
  rememberCredentials(neo4j);
  product = await startProductForTests(neo4j.uri, {
    databaseDown: () => neo4j?.downReason(),
    env: { LINKAGE_RESPONSE_CACHE_TTL_MS: '0' },
  });
}, 300_000);

afterAll(async () => {
  await product?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the local Neo4j under supervision', () => {
  it('is restarted after kill -9; /ready is 503 with the reason meanwhile; the server answers again', async () => {
    const { url, editorToken } = product!;
    const written = await gql(
      url,
      `mutation { createEntity(input: {id: "before-kill", kind: "Organization", name: "Before Kill"}) { id } }`,
      {},
      editorToken,
    );
    expect(written.errors).toBeUndefined();
    expect((await readyState(url)).status).toBe(200);

    const killed = neo4j!.pid;
    process.kill(killed, 'SIGKILL');

    let downState: Awaited<ReturnType<typeof readyState>> | undefined;
    const sawDown = await eventually(async () => {
      downState = await readyState(url);
      return downState.status === 503 && /restart/i.test(downState.body.reason ?? '');
    }, 30_000);
    expect(sawDown, JSON.stringify(downState)).toBe(true);
    expect(downState!.body).toMatchObject({ status: 'unavailable', database: 'down' });
    expect(downState!.body.reason).toContain(`pid ${killed}`);
    // The process is alive, so /health stays 200; only /ready tells a balancer to keep away.
    expect((await fetch(`${url}/health`)).status).toBe(200);

    const cameBack = await eventually(async () => (await readyState(url)).status === 200, 240_000);
    expect(cameBack, JSON.stringify(events)).toBe(true);
    expect(neo4j!.pid).not.toBe(killed);
    expect(neo4j!.restarts).toBe(1);
    expect(events.map((e) => e.event)).toEqual(['exited', 'restarting', 'restarted']);
    expect(events[0]).toMatchObject({ pid: killed, exitCode: null });

    // The same Node process reads the acknowledged write and takes new ones.
    const read = await gql(url, `{ entity(id: "before-kill") { id name } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data?.entity).toEqual({ id: 'before-kill', name: 'Before Kill' });
    const after = await gql(
      url,
      `mutation { createEntity(input: {id: "after-restart", kind: "Organization", name: "After Restart"}) { id } }`,
      {},
      editorToken,
    );
    expect(after.errors, JSON.stringify(after.errors)).toBeUndefined();
    console.log(`supervision: ${events.map((e) => e.message).join(' | ')}`);
  }, 400_000);
});
