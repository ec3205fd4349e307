// Issue 12, item 3: one client looping depth-3 neighbourhoods starved everyone (a victim's entity(id) took
// 11 s), 15 aliased ones per request exhausted the connection pool, and `timeline(first: $n)` or `limit`
// were not costed at all. Replayed here on a graph with hubs (the synthetic bench graph).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { entityAt, shard } from '../../bench/generator.ts';
import { importDocument } from '../../server/graph/import/importer.ts';
import { parseJsonDocument } from '../../server/graph/import/parse.ts';
import { operationCost } from '../../server/graphql/query-budget.ts';
import { parse } from 'graphql';
import { testDatabase } from '../helpers/db.ts';
import { errorCode, gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

const uri = inject('neo4jUri');
const SEED = 7;
const ENTITIES = 3000;
const HUB = entityAt(SEED, 0).id;
const HEAVY = `query ($id: ID!) { neighborhood(ids: [$id], depth: 3, limit: 2000) { totalNodes nodes { id } } }`;

let product: TestProduct;
beforeAll(async () => {
  product = await startProductForTests(uri, { env: { LINKAGE_RESPONSE_CACHE_TTL_MS: '0' } });
  const db = testDatabase(uri);
  try {
    const doc = parseJsonDocument(
      JSON.stringify(shard({ entities: ENTITIES, seed: SEED }, 0, ENTITIES)),
      'load',
    );
    await importDocument(db, doc, { file: 'load' });
  } finally {
    await db.close();
  }
});
afterAll(() => product?.close());

describe('the cost rule counts what the database will do', () => {
  it('counts limit, depth, ids and first, from literals, variables and defaults', () => {
    const cost = (query: string, variables = {}) => operationCost(parse(query), null, variables);
    expect(cost('{ entity(id: "a") { id } }')).toBe(1);
    expect(cost('{ neighborhood(ids: ["a"]) { totalNodes } }')).toBe(30);
    expect(cost('{ neighborhood(ids: ["a"], depth: 3, limit: 2000) { totalNodes } }')).toBe(2000);
    expect(
      cost(
        'query ($d: Int, $l: Int, $ids: [ID!]!) { neighborhood(ids: $ids, depth: $d, limit: $l) { totalNodes } }',
        {
          d: 2,
          l: 1000,
          ids: ['a', 'b'],
        },
      ),
    ).toBe(600);
    expect(cost('query ($n: Int) { timeline(first: $n) { __typename } }', { n: 2000 })).toBe(405);
    expect(cost('{ a: timeline { __typename } b: timeline { __typename } }')).toBe(90);
  });

  it('refuses 15 aliased depth-3 neighbourhoods with a coded error that says what to lower', async () => {
    const aliases = Array.from(
      { length: 15 },
      (_, i) => `n${i}: neighborhood(ids: ["${HUB}"], depth: 3, limit: 2000) { totalNodes }`,
    ).join(' ');
    const response = await gql(product.url, `{ ${aliases} }`);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toMatch(/costs \d+.*lower limit, depth or first/);
  });

  it('refuses timeline(first: $n) in bulk, which escaped the old rule through a variable', async () => {
    const aliases = Array.from({ length: 15 }, (_, i) => `t${i}: timeline(first: $n) { __typename }`).join(
      ' ',
    );
    const response = await gql(product.url, `query ($n: Int) { ${aliases} }`, { n: 2000 });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });

  it('does not refuse one neighbourhood of the documented maximum', async () => {
    const response = await gql(product.url, HEAVY, { id: HUB });
    // It may take too long on a slow machine (QUERY_TIMEOUT); the cost rule must not refuse it.
    expect(['BAD_USER_INPUT', 'RATE_LIMITED', 'OVERLOADED']).not.toContain(errorCode(response));
  });
});

describe('under a flood of heavy queries', () => {
  it('a victim’s entity(id) is answered, and the attacker gets coded refusals, never a 500', async () => {
    const until = Date.now() + 20_000;
    const attackerCodes = new Map<string, number>();
    const attacker = async () => {
      for (let i = 0; i < 200 && Date.now() < until; i += 1) {
        const response = await gql(product.url, HEAVY, { id: HUB });
        const code = response.errors ? String(errorCode(response)) : 'ok';
        attackerCodes.set(code, (attackerCodes.get(code) ?? 0) + 1);
        if (response.status >= 500 && code !== 'OVERLOADED') attackerCodes.set('5xx', 1);
      }
    };
    const victimMs: number[] = [];
    const victimErrors: unknown[] = [];
    const victim = async () => {
      const ids = Array.from({ length: 50 }, (_, i) => entityAt(SEED, 100 + i).id);
      for (let i = 0; Date.now() < until && i < 1000; i += 1) {
        const id = ids[i % ids.length]!;
        const started = performance.now();
        const response = await gql(product.url, `query ($id: ID!) { entity(id: $id) { id name } }`, { id });
        victimMs.push(performance.now() - started);
        if (response.errors || response.data?.entity?.id !== id) victimErrors.push(response.errors);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await Promise.all([...Array.from({ length: 12 }, attacker), victim()]);
    victimMs.sort((a, b) => a - b);
    const p = (q: number) =>
      Math.round(victimMs[Math.min(victimMs.length - 1, Math.floor(q * victimMs.length))]!);
    console.log(
      `victim entity(id) under a 12-client heavy flood: ${victimMs.length} requests, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${p(1)} ms; attacker answers ${JSON.stringify(Object.fromEntries(attackerCodes))}`,
    );
    expect(victimErrors).toEqual([]);
    expect(attackerCodes.has('INTERNAL_SERVER_ERROR')).toBe(false);
    expect(attackerCodes.has('5xx')).toBe(false);
    expect((attackerCodes.get('RATE_LIMITED') ?? 0) + (attackerCodes.get('OVERLOADED') ?? 0)).toBeGreaterThan(
      0,
    );
    // Not a timing benchmark: a bound generous enough for a loaded CI box, far below the 11 s reported.
    expect(p(0.99)).toBeLessThan(5_000);
  });
});
