// Issue 19: Linkage as two stateless replicas over one Neo4j, behind Debian's nginx. Tokens, saved views,
// the cache generation and the start-up jobs live in the database, so what one replica (or the CLI) does
// is seen at once by the other, and a replica can die without losing an acknowledged write.
import { setTimeout as sleep } from 'node:timers/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedFiles } from '../../server/graph/import/seeds.ts';
import { runSoak } from '../../bench/soak/run.ts';
import { neo4jEnv, testDriver, wipeDatabase } from '../helpers/db.ts';
import { runCli } from '../helpers/cli.ts';
import { gql } from '../helpers/product.ts';
import { startNginx, startReplica, waitReady, type Balancer, type Replica } from '../helpers/replicas.ts';

const uri = inject('neo4jUri');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-replicas-'));
// A long TTL: a stale answer could only come from the cache, never from its expiry.
// Logs at info: the seed loader says when it loaded the seed.
const ENV = {
  LINKAGE_RESPONSE_CACHE_TTL_MS: '600000',
  LINKAGE_TOKENS_FILE: path.join(dir, 'none.json'),
  LOG_LEVEL: 'info',
};

let a: Replica;
let b: Replica;
let balancer: Balancer;
let editor: string;

/** `npm run token -- …` as an operator runs it beside replica A (same environment). */
function tokenCli(...args: string[]) {
  const result = runCli('token', args, { uri, env: { ...ENV, LOG_LEVEL: 'warn' } });
  if (result.status !== 0) throw new Error(`token ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** Polls until check passes or the deadline (from now) passes; returns the milliseconds it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await sleep(50);
  }
}

/** A replica's /ready: its generation and its cache's counters. */
const readyOf = (url: string) =>
  waitReady(url) as Promise<{ generation: number; responseCache: { hits: number; stale: number } }>;

/**
 * Reads until the replica answers from its cache, and returns that answer. A replica learns of a newer
 * generation (here: the token changes) only when it next checks: that read, and the one running beside it,
 * are not stored; the one after is, and the next is a hit.
 */
async function warmCache(url: string, query: string, variables: Record<string, unknown>) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const hits = (await readyOf(url)).responseCache.hits;
    const answer = await gql(url, query, variables);
    if ((await readyOf(url)).responseCache.hits > hits) return answer;
  }
  throw new Error(`${url} never answered ${query} from its cache`);
}

const viewerName = async (url: string, token: string) => {
  const response = await gql<{ viewer: { name: string } }>(url, '{ viewer { name } }', {}, token);
  return response.data?.viewer.name ?? response.errors?.[0]?.extensions?.code;
};

beforeAll(async () => {
  await wipeDatabase(uri);
  // Both start at once on an empty database: one loads the seed, the other waits on the lock.
  [a, b] = await Promise.all([
    startReplica({ ...neo4jEnv(uri), ...ENV }),
    startReplica({ ...neo4jEnv(uri), ...ENV }),
  ]);
  await Promise.all([waitReady(a.url), waitReady(b.url)]);
  balancer = await startNginx(dir, [a.url, b.url]);
  editor = tokenCli('create', '--role', 'editor', '--name', 'replica-editor');
  await within(2000, async () => (await viewerName(b.url, editor)) === 'replica-editor');
}, 240_000);

afterAll(async () => {
  await balancer?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('two replicas over one Neo4j', () => {
  it('loaded the seed once when both started together on an empty database', async () => {
    const loads = (r: Replica) =>
      r
        .output()
        .split('\n')
        .filter((line) => line.includes('seed graph loaded'));
    expect(loads(a).length + loads(b).length).toBe(seedFiles().length);
    const driver = testDriver(uri);
    try {
      const { records } = await driver.executeQuery(
        "MATCH (a:AuditEntry {action: 'import', actor: 'seed'}) RETURN count(a) AS imports",
        {},
        { database: 'neo4j' },
      );
      expect(Number(records[0]!.get('imports'))).toBe(seedFiles().length);
    } finally {
      await driver.close();
    }
  });

  it('a token created with the CLI works on both within a second; revoked, it stops on both', async () => {
    const token = tokenCli('create', '--role', 'reader', '--name', 'cli-reader');
    const works = await within(1000, async () => {
      const names = await Promise.all([viewerName(a.url, token), viewerName(b.url, token)]);
      return names.every((n) => n === 'cli-reader');
    });
    expect(works).toBeLessThanOrEqual(1000);
    tokenCli('revoke', '--name', 'cli-reader');
    const stopped = await within(1000, async () => {
      const codes = await Promise.all([viewerName(a.url, token), viewerName(b.url, token)]);
      return codes.every((c) => c === 'UNAUTHENTICATED');
    });
    expect(stopped).toBeLessThanOrEqual(1000);
  });

  it('a write on A is read on B at once, though B had the old answer cached', async () => {
    const ENTITY = 'query ($id: ID!) { entity(id: $id) { id description version } }';
    const warm = await warmCache(b.url, ENTITY, { id: 'meta' }); // B answers it from its cache
    const description = `written on A at ${Date.now()}`;
    const written = await fetch(`${a.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
      body: JSON.stringify({
        query:
          'mutation ($v: Int!, $d: String!) { updateEntity(id: "meta", version: $v, patch: { description: $d }) { version } }',
        variables: { v: warm.data?.entity.version, d: description },
      }),
    });
    const body = (await written.json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();
    const bookmark = written.headers.get('linkage-bookmark');
    expect(bookmark).toMatch(/\S/);
    // At once, with and without the bookmark the write returned.
    expect((await gql(b.url, ENTITY, { id: 'meta' })).data?.entity.description).toBe(description);
    const withBookmark = await fetch(`${b.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'linkage-bookmark': bookmark! },
      body: JSON.stringify({ query: ENTITY, variables: { id: 'meta' } }),
    });
    expect(
      ((await withBookmark.json()) as { data: { entity: { description: string } } }).data.entity,
    ).toMatchObject({ description });
  });

  it("a write refused on A leaves both generations and B's cached answer as they were", async () => {
    const ENTITY = 'query ($id: ID!) { entity(id: $id) { id name version } }';
    const warm = await warmCache(b.url, ENTITY, { id: 'samsung-electronics' });
    const [readyA, readyB] = await Promise.all([readyOf(a.url), readyOf(b.url)]);
    const refused = await gql(
      a.url,
      'mutation ($v: Int!) { updateEntity(id: "samsung-electronics", version: $v, patch: { name: "Stale" }) { version } }',
      { v: warm.data?.entity.version + 7 },
      editor,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const [afterA, afterB] = await Promise.all([readyOf(a.url), readyOf(b.url)]);
    expect([afterA.generation, afterB.generation]).toEqual([readyA.generation, readyA.generation]);
    expect(readyB.generation).toBe(readyA.generation);
    expect((await gql(b.url, ENTITY, { id: 'samsung-electronics' })).data).toEqual(warm.data);
    const served = await readyOf(b.url);
    expect(served.responseCache.hits).toBe(afterB.responseCache.hits + 1);
    expect(served.responseCache.stale).toBe(afterB.responseCache.stale);
  });

  it('refuses a bookmark header that is not one, and writes nothing', async () => {
    const response = await fetch(`${b.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${editor}`,
        'linkage-bookmark': 'not a bookmark!',
      },
      body: JSON.stringify({ query: 'mutation { saveView(name: "never", hash: "#x") { name } }' }),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('BAD_USER_INPUT');
    const views = await gql<{ savedViews: { name: string }[] }>(a.url, '{ savedViews { name } }');
    expect(views.data?.savedViews.map((v) => v.name)).not.toContain('never');
  });

  it('a view saved through A is opened through B', async () => {
    const before = await gql<{ savedViews: { name: string }[] }>(b.url, '{ savedViews { name hash } }');
    expect(before.data?.savedViews).toEqual([]);
    const saved = await gql(
      a.url,
      'mutation { saveView(name: "Seoul trip", hash: "#ids=meta,seoul") { name savedBy } }',
      {},
      editor,
    );
    expect(saved.data?.saveView).toEqual({ name: 'Seoul trip', savedBy: 'replica-editor' });
    const after = await gql<{ savedViews: { name: string; hash: string }[] }>(
      b.url,
      '{ savedViews { name hash } }',
    );
    expect(after.data?.savedViews).toEqual([{ name: 'Seoul trip', hash: '#ids=meta,seoul' }]);
    // Saving needs an editor token; a bad name is refused.
    expect(
      (await gql(b.url, 'mutation { saveView(name: "x", hash: "#") { name } }')).errors?.[0]?.extensions
        ?.code,
    ).toBe('UNAUTHENTICATED');
    expect(
      (await gql(b.url, 'mutation { saveView(name: "  ", hash: "#") { name } }', {}, editor)).errors?.[0]
        ?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('/ready on both names the same database and generation', async () => {
    const [readyA, readyB] = await Promise.all([waitReady(a.url), waitReady(b.url)]);
    expect(readyA.neo4j).toEqual(readyB.neo4j);
    expect(readyA.generation).toBe(readyB.generation);
    expect(readyA.generation).toBeGreaterThan(0);
  });

  it('a soak through nginx over both replicas: no 5xx, every verification passes', async () => {
    const { report } = await runSoak(
      { seconds: 8, readers: 4, editors: 2, url: balancer.url, token: editor, outDir: dir },
      () => {},
    );
    expect(report.verification.problems).toEqual([]);
    expect(report.verification.serverErrors).toBe(0);
    expect(report.verification.acknowledgedCreates).toBeGreaterThan(0);
  }, 60_000);

  it('a replica SIGKILLed during a soak through nginx loses no acknowledged write; nginx routes around it', async () => {
    const READERS = 4;
    const EDITORS = 2;
    const soak = runSoak(
      { seconds: 16, readers: READERS, editors: EDITORS, url: balancer.url, token: editor, outDir: dir },
      () => {},
    );
    await sleep(6000);
    a.process.kill('SIGKILL');
    await a.exited;
    const { report } = await soak;
    const problems = report.verification.problems as string[];
    // Only the requests in flight on A when it died may fail, with nginx's 502 (it does not replay a POST
    // that may have written): each soak client has one request in flight at a time. Everything sent
    // after that went to B. Every other check (lost, duplicated or stale writes) must pass.
    expect(problems.filter((p) => !p.includes('5xx'))).toEqual([]);
    expect(report.verification.serverErrors).toBeLessThanOrEqual(READERS + EDITORS);
    const serverErrorCodes = Object.keys(report.errorsByCode).filter((code) => code.startsWith('HTTP_5'));
    expect(serverErrorCodes.filter((code) => code !== 'HTTP_502')).toEqual([]);
    expect(report.errorsByCode.INTERNAL_SERVER_ERROR).toBeUndefined();
    expect(report.verification.acknowledgedCreates).toBeGreaterThan(0);
    const after = await Promise.all(
      Array.from({ length: 10 }, () => gql(balancer.url, '{ entity(id: "meta") { id } }')),
    );
    expect(after.map((r) => r.status)).toEqual(Array(10).fill(200));
  }, 120_000);
});
