// Hubs at depth ≥ 2: with LINKAGE_HUB_DEGREE lowered so the seed has hubs, a 2-hop neighbourhood goes
// through every first-hop neighbour except those with more relationships than the threshold, names the
// ones it skipped, and still expands a hub that is asked for directly. Expected sets come from the seed file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

const uri = inject('neo4jUri');
const HUB_DEGREE = 12;

const SEED = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../../seeds/apple-economy-2024-02-29-zuckerberg-seoul.json'),
    'utf8',
  ),
) as { relationships: { from: string; to: string }[] };

const degree = new Map<string, number>();
const neighbours = new Map<string, Set<string>>();
for (const { from, to } of SEED.relationships) {
  for (const [a, b] of [
    [from, to],
    [to, from],
  ] as const) {
    degree.set(a, (degree.get(a) ?? 0) + 1);
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    neighbours.get(a)!.add(b);
  }
}
const neighboursOf = (id: string) => [...(neighbours.get(id) ?? [])];

const NEIGHBORHOOD = /* GraphQL */ `
  query ($ids: [ID!]!, $depth: Int) {
    neighborhood(ids: $ids, depth: $depth, limit: 2000) {
      nodes {
        id
      }
      totalNodes
      countedDepth
      hubsNotExpanded
    }
  }
`;

type Piece = { nodes: { id: string }[]; totalNodes: number; countedDepth: number; hubsNotExpanded: string[] };

async function neighborhood(product: TestProduct, ids: string[], depth: number): Promise<Piece> {
  const response = await gql<{ neighborhood: Piece }>(product.url, NEIGHBORHOOD, { ids, depth });
  expect(response.errors).toBeUndefined();
  return response.data!.neighborhood;
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe('neighbourhoods around hubs (LINKAGE_HUB_DEGREE lowered)', () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await startProductForTests(uri, { env: { LINKAGE_HUB_DEGREE: String(HUB_DEGREE) } });
  });
  afterAll(async () => {
    await product?.close();
  });

  it('the second hop goes through every first-hop neighbour except the hubs, and names them', async () => {
    const start = 'lee-jae-yong';
    const firstHop = neighboursOf(start);
    const hubs = firstHop.filter((id) => degree.get(id)! > HUB_DEGREE);
    const through = firstHop.filter((id) => degree.get(id)! <= HUB_DEGREE);
    // The seed must give this test both kinds, or it proves nothing.
    expect(hubs.length).toBeGreaterThan(0);
    expect(through.length).toBeGreaterThan(0);

    const expected = new Set([start, ...firstHop, ...through.flatMap(neighboursOf)]);
    const piece = await neighborhood(product, [start], 2);
    expect(sorted(piece.nodes.map((n) => n.id))).toEqual(sorted(expected));
    expect(sorted(piece.hubsNotExpanded)).toEqual(sorted(hubs));
    expect(piece.countedDepth).toBe(2);
    expect(piece.totalNodes).toBe(expected.size);
  });

  it('a hub asked for is expanded in full, and its own hub neighbours are named at depth 2', async () => {
    const hub = 'meta';
    expect(degree.get(hub)!).toBeGreaterThan(HUB_DEGREE);
    const oneHop = await neighborhood(product, [hub], 1);
    expect(sorted(oneHop.nodes.map((n) => n.id))).toEqual(sorted([hub, ...neighboursOf(hub)]));
    expect(oneHop.hubsNotExpanded).toEqual([]);

    const twoHops = await neighborhood(product, [hub], 2);
    const hubNeighbours = neighboursOf(hub).filter((id) => degree.get(id)! > HUB_DEGREE);
    expect(sorted(twoHops.hubsNotExpanded)).toEqual(sorted(hubNeighbours));
  });
});

describe('neighbourhoods with the default hub threshold', () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await startProductForTests(uri);
  });
  afterAll(async () => {
    await product?.close();
  });

  it('the seed has no hub: the second hop goes through every first-hop neighbour', async () => {
    const start = 'cho-joo-wan';
    const firstHop = neighboursOf(start);
    const expected = new Set([start, ...firstHop, ...firstHop.flatMap(neighboursOf)]);
    const piece = await neighborhood(product, [start], 2);
    expect(sorted(piece.nodes.map((n) => n.id))).toEqual(sorted(expected));
    expect(piece.hubsNotExpanded).toEqual([]);
  });
});

describe('LINKAGE_HUB_DEGREE', () => {
  it('must be a positive count', async () => {
    const { loadConfig, ConfigError } = await import('../../server/config.ts');
    expect(() => loadConfig({ LINKAGE_HUB_DEGREE: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ LINKAGE_HUB_DEGREE: 'many' })).toThrow(/LINKAGE_HUB_DEGREE/);
    expect(loadConfig({ LINKAGE_HUB_DEGREE: '250' }).hubDegree).toBe(250);
  });
});
