// Exploration through HTTP against the seed graph: neighborhood (bounds, truncation, every filter),
// expansionPreview, paths, timeline, entities (cursor pagination), stats, sources, relationship, entity,
// and the seed facts the product is built around.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { errorCode, gql, startProductForTests, type TestProduct } from '../helpers/product.ts';
import {
  CERTAINTY_ORDER,
  UNHURRIED,
  ENTITY,
  ok,
  RELATIONSHIP,
  type EntityView,
  type RelationshipView,
  type SubgraphView,
} from '../helpers/api.ts';

const SEED = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../../seeds/apple-economy-2024-02-29-zuckerberg-seoul.json'),
    'utf8',
  ),
) as { source: { id: string; publishedAt: string }; entities: { id: string }[]; relationships: unknown[] };

const NEIGHBORHOOD = /* GraphQL */ `
  query Neighborhood($ids: [ID!]!, $depth: Int, $limit: Int, $filter: GraphFilter) {
    neighborhood(ids: $ids, depth: $depth, limit: $limit, filter: $filter) {
      truncated
      totalNodes
      countedDepth
      nodes { ${ENTITY} }
      relationships { ${RELATIONSHIP} }
    }
  }
`;

const PREVIEW = /* GraphQL */ `
  query Preview($id: ID!, $excludeIds: [ID!], $filter: GraphFilter) {
    expansionPreview(id: $id, excludeIds: $excludeIds, filter: $filter) {
      id
      total
      groups {
        type
        direction
        count
      }
      kinds {
        kind
        count
      }
    }
  }
`;

const PATHS = /* GraphQL */ `
  query Paths($fromId: ID!, $toId: ID!, $maxLength: Int, $first: Int, $filter: GraphFilter) {
    paths(fromId: $fromId, toId: $toId, maxLength: $maxLength, first: $first, filter: $filter) {
      nodes {
        id
        kind
      }
      relationships {
        id
        type
        fromId
        toId
        certainty
      }
    }
  }
`;

const TIMELINE = /* GraphQL */ `
  query Timeline($from: String, $to: String, $clock: Clock, $first: Int) {
    timeline(from: $from, to: $to, clock: $clock, first: $first) {
      from
      to
      entity {
        id
        kind
        occurredAt
      }
      relationship {
        id
        occurredAt
        evidence {
          source {
            publishedAt
          }
        }
      }
    }
  }
`;

const ENTITIES = /* GraphQL */ `
  query Entities($kinds: [String!], $first: Int, $after: String, $includeDeleted: Boolean) {
    entities(kinds: $kinds, first: $first, after: $after, includeDeleted: $includeDeleted) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          kind
        }
      }
    }
  }
`;

const STATS = /* GraphQL */ `
  query Stats($top: Int) {
    stats {
      entities
      relationships
      evidence
      sources
      entitiesByKind {
        key
        count
      }
      relationshipsByType {
        key
        count
      }
      relationshipsByCertainty {
        key
        count
      }
      evidenceByCertainty {
        key
        count
      }
      topEntities(first: $top) {
        degree
        entity {
          id
        }
      }
    }
  }
`;

interface PathView {
  nodes: { id: string; kind: string }[];
  relationships: { id: string; type: string; fromId: string; toId: string; certainty: string }[];
}
interface TimelineItem {
  from: string;
  to: string;
  entity: { id: string; kind: string; occurredAt: string | null } | null;
  relationship: {
    id: string;
    occurredAt: string | null;
    evidence: { source: { publishedAt: string | null } }[];
  } | null;
}

let product: TestProduct;

beforeAll(async () => {
  product = await startProductForTests(inject('neo4jUri'), { env: { ...UNHURRIED } });
});
afterAll(async () => {
  await product?.close();
});

const neighborhood = async (variables: Record<string, unknown>) =>
  (await ok<{ neighborhood: SubgraphView }>(product.url, NEIGHBORHOOD, variables)).neighborhood;
const paths = async (variables: Record<string, unknown>) =>
  (await ok<{ paths: PathView[] }>(product.url, PATHS, variables)).paths;
const timeline = async (variables: Record<string, unknown>) =>
  (await ok<{ timeline: TimelineItem[] }>(product.url, TIMELINE, variables)).timeline;
const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);
const touching = (id: string, rels: RelationshipView[]) =>
  rels.filter((r) => r.fromId === id || r.toId === id);
const otherEnd = (id: string, r: { fromId: string; toId: string }) => (r.fromId === id ? r.toId : r.fromId);

describe('neighborhood', () => {
  it('returns the start entity first, its neighbours, and only relationships among returned nodes', async () => {
    const sub = await neighborhood({ ids: ['mark-zuckerberg'] });
    expect(sub.nodes[0]!.id).toBe('mark-zuckerberg');
    expect(ids(sub.nodes)).toEqual(expect.arrayContaining(['meta', 'cho-joo-wan', 'lee-jae-yong']));
    expect(new Set(ids(sub.nodes)).size).toBe(sub.nodes.length);
    expect(sub.truncated).toBe(false);
    expect(sub.totalNodes).toBe(sub.nodes.length);
    const present = new Set(ids(sub.nodes));
    for (const r of sub.relationships) {
      expect(present.has(r.fromId) && present.has(r.toId)).toBe(true);
      expect(r.id).toBe(`${r.fromId}:${r.type}:${r.toId}`);
    }
    // Every neighbour at depth 1 is joined to the start by at least one relationship.
    for (const node of sub.nodes.slice(1)) {
      expect(
        touching('mark-zuckerberg', sub.relationships).some(
          (r) => otherEnd('mark-zuckerberg', r) === node.id,
        ),
      ).toBe(true);
    }
  });

  it('serves several start ids at once, all of them first', async () => {
    const sub = await neighborhood({ ids: ['cho-joo-wan', 'lee-jae-yong'] });
    expect(ids(sub.nodes).slice(0, 2).sort()).toEqual(['cho-joo-wan', 'lee-jae-yong']);
    expect(ids(sub.nodes)).toEqual(
      expect.arrayContaining(['lg-electronics', 'samsung-electronics', 'mark-zuckerberg']),
    );
  });

  it('grows with depth: depth 2 contains depth 1', async () => {
    const one = await neighborhood({ ids: ['cho-joo-wan'], depth: 1 });
    const two = await neighborhood({ ids: ['cho-joo-wan'], depth: 2 });
    const three = await neighborhood({ ids: ['cho-joo-wan'], depth: 3 });
    expect(ids(two.nodes)).toEqual(expect.arrayContaining(ids(one.nodes)));
    expect(ids(three.nodes)).toEqual(expect.arrayContaining(ids(two.nodes)));
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(ids(one.nodes)).not.toContain('meta');
    expect(ids(two.nodes)).toContain('meta');
  });

  it.each([[0], [4], [-1]])('depth %d is BAD_USER_INPUT', async (depth) => {
    const response = await gql(product.url, NEIGHBORHOOD, { ids: ['meta'], depth });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/depth/);
  });

  it.each([[0], [2001]])('limit %d is BAD_USER_INPUT', async (limit) => {
    expect(errorCode(await gql(product.url, NEIGHBORHOOD, { ids: ['meta'], limit }))).toBe('BAD_USER_INPUT');
  });

  it('accepts the limit bounds 1 and 2000', async () => {
    const single = await neighborhood({ ids: ['meta'], limit: 1 });
    expect(ids(single.nodes)).toEqual(['meta']);
    expect(single.truncated).toBe(true);
    const wide = await neighborhood({ ids: ['meta'], limit: 2000 });
    expect(wide.truncated).toBe(false);
  });

  it('rejects no ids, over 100 ids and ids that are not slugs', async () => {
    expect(errorCode(await gql(product.url, NEIGHBORHOOD, { ids: [] }))).toBe('BAD_USER_INPUT');
    const many = Array.from({ length: 101 }, (_, i) => `entity-${i}`);
    expect(errorCode(await gql(product.url, NEIGHBORHOOD, { ids: many }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(product.url, NEIGHBORHOOD, { ids: ['Not A Slug'] }))).toBe('BAD_USER_INPUT');
  });

  it('truncates to the most certain neighbours, keeping the start node', async () => {
    const full = await neighborhood({ ids: ['mark-zuckerberg'], limit: 2000 });
    const strength = new Map<string, number>();
    for (const r of touching('mark-zuckerberg', full.relationships)) {
      const other = otherEnd('mark-zuckerberg', r);
      strength.set(other, Math.max(strength.get(other) ?? 0, CERTAINTY_ORDER[r.certainty]));
    }
    const limit = 6;
    const cut = await neighborhood({ ids: ['mark-zuckerberg'], limit });
    expect(cut.truncated).toBe(true);
    expect(cut.nodes).toHaveLength(limit);
    expect(cut.totalNodes).toBe(full.nodes.length);
    expect(cut.totalNodes).toBeGreaterThan(cut.nodes.length);
    expect(cut.nodes[0]!.id).toBe('mark-zuckerberg');
    const kept = new Set(ids(cut.nodes));
    const keptWeakest = Math.min(
      ...ids(cut.nodes)
        .slice(1)
        .map((id) => strength.get(id)!),
    );
    const droppedStrongest = Math.max(
      ...[...strength.entries()].filter(([id]) => !kept.has(id)).map(([, rank]) => rank),
    );
    expect(keptWeakest).toBeGreaterThanOrEqual(droppedStrongest);
    expect(keptWeakest).toBe(CERTAINTY_ORDER.CONFIRMED);
    for (const r of cut.relationships) expect(kept.has(r.fromId) && kept.has(r.toId)).toBe(true);
  });

  it('truncates at depth 2 too, counting every entity that matched while the cap left room', async () => {
    const oneHop = await neighborhood({ ids: ['cho-joo-wan'], depth: 1, limit: 2000 });
    const full = await neighborhood({ ids: ['cho-joo-wan'], depth: 2, limit: 2000 });
    expect(full.countedDepth).toBe(2);
    expect(full.nodes.length).toBeGreaterThan(oneHop.nodes.length + 1);

    // The first hop alone fills a cap of 3: the second is not explored, and the total says so.
    const cut = await neighborhood({ ids: ['cho-joo-wan'], depth: 2, limit: 3 });
    expect(cut.truncated).toBe(true);
    expect(cut.nodes).toHaveLength(3);
    expect(cut.nodes[0]!.id).toBe('cho-joo-wan');
    expect(cut.countedDepth).toBe(1);
    expect(cut.totalNodes).toBe(oneHop.nodes.length);

    // One slot left after the first hop: the second hop is explored and counted in full.
    const roomy = await neighborhood({ ids: ['cho-joo-wan'], depth: 2, limit: oneHop.nodes.length + 1 });
    expect(roomy.truncated).toBe(true);
    expect(roomy.countedDepth).toBe(2);
    expect(roomy.totalNodes).toBe(full.nodes.length);
    expect(ids(roomy.nodes).slice(0, oneHop.nodes.length).sort()).toEqual(ids(oneHop.nodes).sort());
  });

  describe('filters', () => {
    it('relationship types keep only those relationships and the neighbours they reach', async () => {
      const sub = await neighborhood({
        ids: ['mark-zuckerberg'],
        filter: { relationshipTypes: ['MET_WITH'] },
      });
      expect(ids(sub.nodes).sort()).toEqual(['cho-joo-wan', 'lee-jae-yong', 'mark-zuckerberg']);
      expect(sub.relationships.every((r) => r.type === 'MET_WITH')).toBe(true);
      expect(sub.relationships).toHaveLength(2);
    });

    it('kinds keep only neighbours of those kinds (the start stays)', async () => {
      const sub = await neighborhood({ ids: ['meta'], filter: { kinds: ['Person'] } });
      expect(sub.nodes[0]!.id).toBe('meta');
      expect(sub.nodes.length).toBeGreaterThan(1);
      expect(sub.nodes.slice(1).every((n) => n.kind === 'Person')).toBe(true);
      const all = await neighborhood({ ids: ['meta'] });
      expect(all.nodes.some((n) => n.kind === 'Organization' && n.id !== 'meta')).toBe(true);
    });

    it('minCertainty CONFIRMED drops REPORTED and SPECULATIVE relationships', async () => {
      const all = await neighborhood({ ids: ['samsung-electronics'] });
      expect(all.relationships.map((r) => r.certainty)).toEqual(
        expect.arrayContaining(['CONFIRMED', 'REPORTED', 'SPECULATIVE']),
      );
      const confirmed = await neighborhood({
        ids: ['samsung-electronics'],
        filter: { minCertainty: 'CONFIRMED' },
      });
      expect(confirmed.relationships.length).toBeGreaterThan(0);
      expect(confirmed.relationships.every((r) => r.certainty === 'CONFIRMED')).toBe(true);
      expect(ids(confirmed.relationships)).not.toContain('samsung-electronics:MAY_SUPPLY:meta');
      const reported = await neighborhood({
        ids: ['samsung-electronics'],
        filter: { minCertainty: 'REPORTED' },
      });
      expect(reported.relationships.some((r) => r.certainty === 'REPORTED')).toBe(true);
      expect(reported.relationships.every((r) => r.certainty !== 'SPECULATIVE')).toBe(true);
      const speculative = await neighborhood({
        ids: ['samsung-electronics'],
        filter: { minCertainty: 'SPECULATIVE' },
      });
      expect(speculative.relationships).toHaveLength(all.relationships.length);
    });

    it('an event-time window without undated relationships keeps only overlapping dated ones', async () => {
      const sub = await neighborhood({
        ids: ['mark-zuckerberg'],
        filter: { occurredFrom: '2024-02-28', occurredTo: '2024-02-28', includeUndated: false },
      });
      const rels = ids(sub.relationships);
      expect(rels).toContain('mark-zuckerberg:MET_WITH:cho-joo-wan');
      expect(rels).toContain('mark-zuckerberg:PARTICIPATED_IN:zuckerberg-seoul-visit-2024');
      expect(rels).not.toContain('mark-zuckerberg:PARTICIPATED_IN:samsung-unpacked-2016');
      expect(rels).not.toContain('mark-zuckerberg:PARTICIPATED_IN:zuckerberg-india-visit-2024');
      for (const r of sub.relationships) expect(r.occurredAt).not.toBeNull();
      // The meeting with Lee Jae-yong passes on its 2024 evidence alone: the 2013/2014 quote is left out.
      const lee = sub.relationships.find((r) => r.id === 'mark-zuckerberg:MET_WITH:lee-jae-yong')!;
      expect(lee.occurredAt).toBe('2024-02-28');
      expect(lee.evidence.map((e) => e.quote)).toEqual(['이재용 삼성전자 회장과 만나']);
    });

    it('the same window with undated relationships keeps the undated ones and still drops other dates', async () => {
      const sub = await neighborhood({
        ids: ['mark-zuckerberg'],
        filter: { occurredFrom: '2024-02-28', occurredTo: '2024-02-28', includeUndated: true },
      });
      const rels = ids(sub.relationships);
      expect(rels).toContain('mark-zuckerberg:MET_WITH:cho-joo-wan');
      expect(rels).toContain('mark-zuckerberg:MET_WITH:lee-jae-yong');
      expect(rels).not.toContain('mark-zuckerberg:PARTICIPATED_IN:samsung-unpacked-2016');
      expect(rels).not.toContain('mark-zuckerberg:PARTICIPATED_IN:zuckerberg-seoul-visit-2013');
      const defaulted = await neighborhood({
        ids: ['mark-zuckerberg'],
        filter: { occurredFrom: '2024-02-28', occurredTo: '2024-02-28' },
      });
      expect(ids(defaulted.relationships).sort()).toEqual([...rels].sort());
    });

    it('an open-ended event-time window works on either side', async () => {
      const before = await neighborhood({
        ids: ['mark-zuckerberg'],
        filter: { occurredTo: '2015-01-01', includeUndated: false },
      });
      expect(ids(before.relationships)).toEqual(
        expect.arrayContaining([
          'mark-zuckerberg:PARTICIPATED_IN:zuckerberg-seoul-visit-2013',
          'mark-zuckerberg:PARTICIPATED_IN:zuckerberg-seoul-visit-2014',
          'mark-zuckerberg:MET_WITH:lee-jae-yong',
        ]),
      );
      for (const r of before.relationships) expect(r.occurredAt! <= '2015').toBe(true);
      expect(ids(before.relationships)).not.toContain('mark-zuckerberg:MET_WITH:cho-joo-wan');
      const after = await neighborhood({
        ids: ['mark-zuckerberg'],
        filter: { occurredFrom: '2024-03-01', includeUndated: false },
      });
      expect(ids(after.relationships)).toEqual(
        expect.arrayContaining([
          'mark-zuckerberg:PARTICIPATED_IN:zuckerberg-india-visit-2024',
          'mark-zuckerberg:PLANS_TO_ATTEND:ambani-pre-wedding-festivities-2024',
        ]),
      );
      expect(ids(after.relationships)).not.toContain('mark-zuckerberg:MET_WITH:cho-joo-wan');
    });

    it('a report-time window keeps relationships whose source was published in it', async () => {
      const published = SEED.source.publishedAt;
      const all = await neighborhood({ ids: ['meta'] });
      const inside = await neighborhood({
        ids: ['meta'],
        filter: { publishedFrom: published, publishedTo: published },
      });
      expect(inside.relationships).toHaveLength(all.relationships.length);
      const later = await neighborhood({ ids: ['meta'], filter: { publishedFrom: '2024-03-01' } });
      expect(later.relationships).toEqual([]);
      expect(ids(later.nodes)).toEqual(['meta']);
      const earlier = await neighborhood({ ids: ['meta'], filter: { publishedTo: '2024-02-28' } });
      expect(earlier.relationships).toEqual([]);
    });

    it('rejects malformed filters', async () => {
      const bad = [
        { occurredFrom: '2024-13-01' },
        { occurredFrom: 'yesterday' },
        { occurredFrom: '2024-03-01', occurredTo: '2024-02-01' },
        { publishedFrom: '2024-03-01', publishedTo: '2024-02-01' },
        { relationshipTypes: ['met with'] },
        { kinds: ['Planet'] },
      ];
      for (const filter of bad) {
        const response = await gql(product.url, NEIGHBORHOOD, { ids: ['meta'], filter });
        expect(errorCode(response), JSON.stringify(filter)).toBe('BAD_USER_INPUT');
      }
      const enumError = await gql(product.url, NEIGHBORHOOD, {
        ids: ['meta'],
        filter: { minCertainty: 'SURE' },
      });
      expect(enumError.errors?.length).toBeGreaterThan(0);
      expect(enumError.data ?? null).toBeNull();
    });
  });

  it('NOT_FOUND names the unknown start id', async () => {
    const response = await gql(product.url, NEIGHBORHOOD, { ids: ['meta', 'no-such-entity'] });
    expect(errorCode(response)).toBe('NOT_FOUND');
    expect(response.errors?.[0]?.message).toContain('no-such-entity');
  });
});

describe('expansionPreview', () => {
  it('counts the neighbours per type and direction, matching the depth-1 neighbourhood', async () => {
    const { expansionPreview } = await ok<{
      expansionPreview: {
        id: string;
        total: number;
        groups: { type: string; direction: string; count: number }[];
      };
    }>(product.url, PREVIEW, { id: 'mark-zuckerberg' });
    const sub = await neighborhood({ ids: ['mark-zuckerberg'], limit: 2000 });
    expect(expansionPreview.id).toBe('mark-zuckerberg');
    expect(expansionPreview.total).toBe(sub.nodes.length - 1);
    expect(expansionPreview.groups).toContainEqual({ type: 'MET_WITH', direction: 'OUT', count: 2 });
    for (const group of expansionPreview.groups) {
      const expected = new Set(
        sub.relationships
          .filter((r) => r.type === group.type)
          .filter((r) =>
            group.direction === 'OUT' ? r.fromId === 'mark-zuckerberg' : r.toId === 'mark-zuckerberg',
          )
          .map((r) => otherEnd('mark-zuckerberg', r)),
      );
      expect(group.count, `${group.type} ${group.direction}`).toBe(expected.size);
    }
  });

  it('breaks the same neighbours down by kind, most first', async () => {
    const { expansionPreview } = await ok<{
      expansionPreview: { total: number; kinds: { kind: string; count: number }[] };
    }>(product.url, PREVIEW, { id: 'mark-zuckerberg', excludeIds: ['meta'] });
    const sub = await neighborhood({ ids: ['mark-zuckerberg'], limit: 2000 });
    const expected = new Map<string, number>();
    for (const n of sub.nodes)
      if (n.id !== 'mark-zuckerberg' && n.id !== 'meta')
        expected.set(n.kind, (expected.get(n.kind) ?? 0) + 1);
    expect(new Map(expansionPreview.kinds.map((k) => [k.kind, k.count]))).toEqual(expected);
    expect(expansionPreview.kinds.reduce((sum, k) => sum + k.count, 0)).toBe(expansionPreview.total);
    const counts = expansionPreview.kinds.map((k) => k.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('does not count excluded ids and honours the filter', async () => {
    const preview = await ok<{ expansionPreview: { total: number; groups: { count: number }[] } }>(
      product.url,
      PREVIEW,
      { id: 'mark-zuckerberg', excludeIds: ['cho-joo-wan'], filter: { relationshipTypes: ['MET_WITH'] } },
    );
    expect(preview.expansionPreview.total).toBe(1);
    expect(preview.expansionPreview.groups).toEqual([{ type: 'MET_WITH', direction: 'OUT', count: 1 }]);
  });

  it('answers zero for an entity whose neighbours are all excluded', async () => {
    const preview = await ok<{ expansionPreview: { total: number; groups: unknown[] } }>(
      product.url,
      PREVIEW,
      {
        id: 'mark-zuckerberg',
        filter: { relationshipTypes: ['NO_SUCH_TYPE'] },
      },
    );
    expect(preview.expansionPreview).toMatchObject({ total: 0, groups: [], kinds: [] });
  });

  it('NOT_FOUND for an unknown id, BAD_USER_INPUT for a malformed one', async () => {
    expect(errorCode(await gql(product.url, PREVIEW, { id: 'no-such-entity' }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(product.url, PREVIEW, { id: 'Bad Id!' }))).toBe('BAD_USER_INPUT');
  });
});

describe('paths', () => {
  const checkPath = (p: PathView, from: string, to: string) => {
    expect(p.nodes[0]!.id).toBe(from);
    expect(p.nodes.at(-1)!.id).toBe(to);
    expect(p.relationships).toHaveLength(p.nodes.length - 1);
    p.relationships.forEach((r, i) => {
      const ends = [p.nodes[i]!.id, p.nodes[i + 1]!.id].sort();
      expect([r.fromId, r.toId].sort()).toEqual(ends);
    });
  };

  it('finds the direct meeting as the shortest path', async () => {
    const found = await paths({ fromId: 'mark-zuckerberg', toId: 'cho-joo-wan' });
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.relationships).toHaveLength(1);
    expect(found[0]!.relationships[0]!.id).toBe('mark-zuckerberg:MET_WITH:cho-joo-wan');
    for (const p of found) checkPath(p, 'mark-zuckerberg', 'cho-joo-wan');
  });

  it('returns several shortest paths in length order, at most first', async () => {
    const found = await paths({ fromId: 'cho-joo-wan', toId: 'lee-jae-yong', first: 5 });
    expect(found.length).toBeGreaterThan(1);
    expect(found.length).toBeLessThanOrEqual(5);
    const lengths = found.map((p) => p.relationships.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    for (const p of found) checkPath(p, 'cho-joo-wan', 'lee-jae-yong');
    expect(await paths({ fromId: 'cho-joo-wan', toId: 'lee-jae-yong', first: 1 })).toHaveLength(1);
  });

  it('a path that exists only through REPORTED relationships disappears with minCertainty CONFIRMED', async () => {
    const open = await paths({ fromId: 'mark-zuckerberg', toId: 'mukesh-ambani' });
    expect(open.length).toBeGreaterThan(0);
    for (const p of open) checkPath(p, 'mark-zuckerberg', 'mukesh-ambani');
    expect(open.every((p) => p.relationships.some((r) => r.certainty !== 'CONFIRMED'))).toBe(true);
    const confirmed = await paths({
      fromId: 'mark-zuckerberg',
      toId: 'mukesh-ambani',
      maxLength: 6,
      filter: { minCertainty: 'CONFIRMED' },
    });
    expect(confirmed).toEqual([]);
  });

  it('with minCertainty CONFIRMED every returned relationship is confirmed', async () => {
    const found = await paths({
      fromId: 'cho-joo-wan',
      toId: 'lee-jae-yong',
      first: 10,
      maxLength: 6,
      filter: { minCertainty: 'CONFIRMED' },
    });
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) {
      checkPath(p, 'cho-joo-wan', 'lee-jae-yong');
      expect(p.relationships.every((r) => r.certainty === 'CONFIRMED')).toBe(true);
    }
  });

  it('honours maxLength: too short a bound finds nothing', async () => {
    const two = await paths({ fromId: 'mark-zuckerberg', toId: 'mukesh-ambani', maxLength: 2 });
    expect(two.length).toBeGreaterThan(0);
    expect(two.every((p) => p.relationships.length <= 2)).toBe(true);
    expect(await paths({ fromId: 'mark-zuckerberg', toId: 'mukesh-ambani', maxLength: 1 })).toEqual([]);
  });

  it.each([[{ maxLength: 0 }], [{ maxLength: 7 }], [{ first: 0 }], [{ first: 11 }]])(
    'bounds: %j is BAD_USER_INPUT',
    async (extra) => {
      const response = await gql(product.url, PATHS, { fromId: 'meta', toId: 'nvidia', ...extra });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
    },
  );

  it('unknown ends are NOT_FOUND, the same id twice is BAD_USER_INPUT', async () => {
    const unknown = await gql(product.url, PATHS, { fromId: 'meta', toId: 'no-such-entity' });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).toContain('no-such-entity');
    expect(errorCode(await gql(product.url, PATHS, { fromId: 'no-such-a', toId: 'meta' }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(product.url, PATHS, { fromId: 'meta', toId: 'meta' }))).toBe('BAD_USER_INPUT');
  });
});

describe('timeline', () => {
  it('lists events and dated relationships overlapping the event-time window, in time order', async () => {
    const items = await timeline({ from: '2024-02-27', to: '2024-02-29' });
    expect(items.length).toBeGreaterThan(0);
    const froms = items.map((i) => i.from);
    expect([...froms].sort()).toEqual(froms);
    for (const item of items) {
      expect(Boolean(item.entity) !== Boolean(item.relationship)).toBe(true);
      expect(item.to >= '2024-02-27' && item.from <= '2024-02-29').toBe(true);
    }
    const entityIds = items.flatMap((i) => (i.entity ? [i.entity.id] : []));
    expect(entityIds).toEqual(
      expect.arrayContaining(['meta-lg-meeting-2024-02-28', 'zuckerberg-seoul-visit-2024']),
    );
    expect(entityIds).not.toContain('zuckerberg-seoul-visit-2013');
    const relIds = items.flatMap((i) => (i.relationship ? [i.relationship.id] : []));
    expect(relIds).toContain('mark-zuckerberg:MET_WITH:cho-joo-wan');
  });

  it('without a window covers everything dated, oldest first', async () => {
    const items = await timeline({});
    expect(items[0]!.from.startsWith('2013')).toBe(true);
    expect(items.some((i) => i.entity?.id === 'zuckerberg-india-visit-2024')).toBe(true);
    expect(await timeline({ first: 3 })).toHaveLength(3);
  });

  it('on the report clock lists relationships by their source date and no events', async () => {
    const items = await timeline({ clock: 'PUBLISHED', from: '2024-02-29', to: '2024-02-29' });
    expect(items.length).toBe(Math.min(200, SEED.relationships.length));
    for (const item of items) {
      expect(item.entity).toBeNull();
      expect(item.from).toBe('2024-02-29');
      expect(item.relationship!.evidence.some((e) => e.source.publishedAt === '2024-02-29')).toBe(true);
    }
    expect(await timeline({ clock: 'PUBLISHED', from: '2024-03-01' })).toEqual([]);
  });

  it('rejects reversed windows, malformed dates and bad bounds', async () => {
    for (const variables of [
      { from: '2024-03-01', to: '2024-02-01' },
      { from: '2024/03/01' },
      { to: 'soon' },
      { first: 0 },
      { first: 2001 },
    ]) {
      expect(errorCode(await gql(product.url, TIMELINE, variables)), JSON.stringify(variables)).toBe(
        'BAD_USER_INPUT',
      );
    }
  });
});

describe('entities', () => {
  interface Page {
    entities: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: { id: string; kind: string } }[];
    };
  }

  it('walks every page with after: ids unique and sorted, totalCount matches', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    let total = -1;
    for (;;) {
      const { entities }: Page = await ok<Page>(product.url, ENTITIES, { first: 7, after });
      pages += 1;
      total = entities.totalCount;
      expect(entities.edges.length).toBeLessThanOrEqual(7);
      seen.push(...entities.edges.map((e) => e.node.id));
      if (entities.edges.length > 0) expect(entities.pageInfo.endCursor).toBe(entities.edges.at(-1)!.cursor);
      if (!entities.pageInfo.hasNextPage) break;
      after = entities.pageInfo.endCursor;
      expect(pages).toBeLessThan(100);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    expect(seen).toHaveLength(total);
    expect(total).toBe(SEED.entities.length);
    expect(pages).toBe(Math.ceil(total / 7));
  });

  it('filters by kind, with a matching totalCount', async () => {
    const { entities } = await ok<Page>(product.url, ENTITIES, { kinds: ['Person'], first: 500 });
    expect(entities.edges.every((e) => e.node.kind === 'Person')).toBe(true);
    expect(entities.totalCount).toBe(entities.edges.length);
    expect(entities.pageInfo.hasNextPage).toBe(false);
    expect(entities.edges.map((e) => e.node.id)).toContain('cho-joo-wan');
  });

  it('rejects a cursor it did not make and out-of-range page sizes', async () => {
    expect(errorCode(await gql(product.url, ENTITIES, { after: 'not a cursor!' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(product.url, ENTITIES, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(product.url, ENTITIES, { first: 501 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(product.url, ENTITIES, { kinds: ['Planet'] }))).toBe('BAD_USER_INPUT');
  });
});

describe('stats', () => {
  interface StatsView {
    entities: number;
    relationships: number;
    evidence: number;
    sources: number;
    entitiesByKind: { key: string; count: number }[];
    relationshipsByType: { key: string; count: number }[];
    relationshipsByCertainty: { key: string; count: number }[];
    evidenceByCertainty: { key: string; count: number }[];
    topEntities: { degree: number; entity: { id: string } }[];
  }
  const sum = (counts: { count: number }[]) => counts.reduce((a, c) => a + c.count, 0);

  it('counts the seed graph consistently', async () => {
    const { stats } = await ok<{ stats: StatsView }>(product.url, STATS, { top: 5 });
    expect(stats.entities).toBe(SEED.entities.length);
    expect(stats.relationships).toBe(SEED.relationships.length);
    expect(stats.sources).toBe(1);
    expect(sum(stats.entitiesByKind)).toBe(stats.entities);
    expect(sum(stats.relationshipsByType)).toBe(stats.relationships);
    expect(sum(stats.relationshipsByCertainty)).toBe(stats.relationships);
    expect(sum(stats.evidenceByCertainty)).toBe(stats.evidence);
    expect(stats.evidence).toBeGreaterThanOrEqual(stats.relationships);
    expect(stats.relationshipsByCertainty.map((c) => c.key).sort()).toEqual([
      'CONFIRMED',
      'REPORTED',
      'SPECULATIVE',
    ]);
    expect(stats.relationshipsByType).toContainEqual({ key: 'MET_WITH', count: 2 });
    expect(stats.topEntities).toHaveLength(5);
    const degrees = stats.topEntities.map((t) => t.degree);
    expect([...degrees].sort((a, b) => b - a)).toEqual(degrees);
    const meta = await neighborhood({ ids: [stats.topEntities[0]!.entity.id], limit: 2000 });
    expect(touching(stats.topEntities[0]!.entity.id, meta.relationships)).toHaveLength(degrees[0]!);
  });

  it('topEntities bounds', async () => {
    expect(errorCode(await gql(product.url, STATS, { top: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(product.url, STATS, { top: 101 }))).toBe('BAD_USER_INPUT');
  });
});

describe('sources, relationship, entity', () => {
  it('lists the seed source', async () => {
    const { sources } = await ok<{
      sources: { id: string; title: string; publishedAt: string; language: string }[];
    }>(product.url, '{ sources { id title titleEn publisher author publishedAt language url } }');
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ id: SEED.source.id, publishedAt: '2024-02-29', language: 'ko' });
    expect(sources[0]!.title.length).toBeGreaterThan(0);
  });

  it('reads one relationship with its evidence and source', async () => {
    const { relationship } = await ok<{ relationship: RelationshipView }>(
      product.url,
      `query ($id: ID!) { relationship(id: $id) { ${RELATIONSHIP} } }`,
      { id: 'mark-zuckerberg:MET_WITH:cho-joo-wan' },
    );
    expect(relationship).toMatchObject({
      fromId: 'mark-zuckerberg',
      toId: 'cho-joo-wan',
      type: 'MET_WITH',
      certainty: 'CONFIRMED',
      occurredAt: '2024-02-28',
      deleted: false,
    });
    expect(relationship.evidence).toHaveLength(2);
    expect(relationship.evidence.every((e) => e.source.id === SEED.source.id)).toBe(true);
  });

  it('relationship: null when unknown, BAD_USER_INPUT when not a relationship id', async () => {
    const unknown = await ok<{ relationship: null }>(
      product.url,
      'query ($id: ID!) { relationship(id: $id) { id } }',
      {
        id: 'meta:NO_SUCH:nvidia',
      },
    );
    expect(unknown.relationship).toBeNull();
    const bad = await gql(product.url, 'query ($id: ID!) { relationship(id: $id) { id } }', { id: 'meta' });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });

  it('reads one entity; null when unknown; BAD_USER_INPUT when not a slug', async () => {
    const query = `query ($id: ID!) { entity(id: $id) { ${ENTITY} notes { id } } }`;
    const { entity } = await ok<{ entity: EntityView }>(product.url, query, { id: 'cho-joo-wan' });
    expect(entity).toMatchObject({
      id: 'cho-joo-wan',
      kind: 'Person',
      name: 'Cho Joo-wan',
      nameKo: '조주완',
      deleted: false,
      mergedInto: null,
      version: 1,
    });
    expect(entity.aliases).toEqual(expect.arrayContaining(['조 윌리엄', 'William Cho']));
    expect((await ok<{ entity: null }>(product.url, query, { id: 'no-such-entity' })).entity).toBeNull();
    expect(errorCode(await gql(product.url, query, { id: 'Cho Joo-wan' }))).toBe('BAD_USER_INPUT');
  });
});

describe('seed facts', () => {
  it('Zuckerberg met Cho Joo-wan and Lee Jae-yong', async () => {
    const sub = await neighborhood({ ids: ['mark-zuckerberg'], filter: { relationshipTypes: ['MET_WITH'] } });
    expect(ids(sub.relationships).sort()).toEqual([
      'mark-zuckerberg:MET_WITH:cho-joo-wan',
      'mark-zuckerberg:MET_WITH:lee-jae-yong',
    ]);
  });

  it('the Samsung GPU-supply claim is SPECULATIVE and quotes "짐작된다"', async () => {
    const { relationship } = await ok<{ relationship: RelationshipView }>(
      product.url,
      `query ($id: ID!) { relationship(id: $id) { ${RELATIONSHIP} } }`,
      { id: 'samsung-electronics:MAY_SUPPLY:meta' },
    );
    expect(relationship.certainty).toBe('SPECULATIVE');
    expect(relationship.evidence.every((e) => e.certainty === 'SPECULATIVE')).toBe(true);
    expect(relationship.evidence.some((e) => e.quote.includes('짐작된다'))).toBe(true);
  });

  it('every relationship has evidence with a non-empty quote and the strongest evidence certainty', async () => {
    const all = await neighborhood({ ids: SEED.entities.map((e) => e.id), limit: 300 });
    expect(all.relationships).toHaveLength(SEED.relationships.length);
    for (const r of all.relationships) {
      expect(r.evidence.length, r.id).toBeGreaterThan(0);
      for (const e of r.evidence) expect(e.quote.trim().length, r.id).toBeGreaterThan(0);
      const strongest = Math.max(
        ...r.evidence.map((e) => CERTAINTY_ORDER[e.certainty as keyof typeof CERTAINTY_ORDER]),
      );
      expect(CERTAINTY_ORDER[r.certainty], r.id).toBe(strongest);
    }
  });
});
