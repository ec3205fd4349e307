// Exports are reads: with LINKAGE_READS_REQUIRE_TOKEN they need a token like GraphQL queries do, and a bad
// token is refused either way.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startProductForTests, type TestProduct } from '../helpers/product.ts';

describe('export authorisation', () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await startProductForTests(inject('neo4jUri'), {
      env: { LINKAGE_READS_REQUIRE_TOKEN: 'true' },
    });
  });
  afterAll(() => product.close());

  const get = (token?: string) =>
    fetch(`${product.url}/export/jsonl`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('refuses anonymous exports when reads require a token', async () => {
    const response = await get();
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired or unknown token', async () => {
    expect((await get(product.expiredToken)).status).toBe(401);
    expect((await get(`lk_${'x'.repeat(43)}`)).status).toBe(401);
  });

  it('serves a reader', async () => {
    const response = await get(product.readerToken);
    expect(response.status).toBe(200);
    expect((await response.text()).split('\n').filter(Boolean).length).toBeGreaterThan(50);
  });
});
