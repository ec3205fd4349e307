// A fresh server answered its first neighbourhood in 16 s and the next in 50 ms: Neo4j plans a statement
// on its first run, and sixteen readers arriving together planned it sixteen times at once until every
// planning outlasted the timeout (soak: 28 of 29 neighbourhoods QUERY_TIMEOUT). The server now plans the
// explorer's first reads right after the seed (server/graph/prepare-plans.ts), and first runs go one at a
// time (server/db/first-run.ts, unit-tested in tests/unit/first-run-gate.test.ts).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { preparePlans } from '../../server/graph/prepare-plans.ts';
import { createGraphRepository } from '../../server/graph/repository.ts';
import { testDatabase, testDriver } from '../helpers/db.ts';
import { gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

const uri = inject('neo4jUri');

async function queryCacheSize(): Promise<number> {
  const driver = testDriver(uri);
  try {
    // Clearing answers how many plans were cached; the next statements plan again.
    const result = await driver.executeQuery('CALL db.clearQueryCaches()', {}, { database: 'neo4j' });
    const message = String(result.records[0]?.get(0) ?? '');
    const count = /(\d+)/.exec(message);
    if (!count) throw new Error(`db.clearQueryCaches() answered "${message}"`);
    return Number(count[1]);
  } finally {
    await driver.close();
  }
}

describe('query plans prepared ahead', () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await startProductForTests(uri, { env: { LINKAGE_PREPARE_PLANS: 'true' } });
  });
  afterAll(async () => {
    await product?.close();
  });

  it('/ready says when the explorer’s first reads are planned, and they were asked without an error', async () => {
    let body: { status?: string; queryPlans?: string } = {};
    for (let i = 0; i < 600 && body.queryPlans !== 'prepared'; i++) {
      body = (await (await fetch(`${product.url}/ready`)).json()) as typeof body;
      if (body.queryPlans === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(body).toMatchObject({ status: 'ready', queryPlans: 'prepared' });
    // The warm-up asked about an entity that does not exist: the seed graph is untouched and answers.
    const answer = await gql(product.url, '{ neighborhood(ids: ["meta"], depth: 1) { nodes { id } } }');
    expect(answer.errors).toBeUndefined();
  });

  it('caches a plan for every statement it asks, so the first analyst finds them planned', async () => {
    const db = testDatabase(uri);
    try {
      const graph = createGraphRepository(db, { hubDegree: 1000 });
      await queryCacheSize();
      const before = db.statementCount;
      const { planned } = await preparePlans(graph);
      expect(db.statementCount - before).toBe(planned.length);
      expect(planned).toEqual(
        expect.arrayContaining([
          'search',
          'get-entity',
          'find-neighborhood',
          'find-paths',
          'expansion-preview',
        ]),
      );
      expect(await queryCacheSize()).toBeGreaterThanOrEqual(planned.length);
    } finally {
      await db.close();
    }
  });
});

describe('query plans not prepared when turned off', () => {
  it('/ready says off (the test tiers turn it off for their own servers)', async () => {
    const product = await startProductForTests(uri);
    try {
      const body = (await (await fetch(`${product.url}/ready`)).json()) as { queryPlans?: string };
      expect(body.queryPlans).toBe('off');
    } finally {
      await product.close();
    }
  });
});
