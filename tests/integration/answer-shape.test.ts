// The hot paths stream many small records with projected properties (issue 15); their answers must not
// change. The reference is the straightforward form they replaced (tests/fixtures/reference: the whole
// answer as one record of whole nodes and relationship maps), run over the same seeded database and read
// with the same mapping functions. For every seed entity at depth 1 and 2, with and without filters and a
// cap small enough to truncate, and for paths between pairs, the repository's answer must equal the
// reference's, field for field.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expandIncludes, loadCypherCatalog } from '../../server/db/cypher.ts';
import { createDatabase, type Database, type Row } from '../../server/db/database.ts';
import { attachSources, toEntities, toRelationship, toSources } from '../../server/graph/mapping.ts';
import { parseFilter, type FilterParams } from '../../server/graph/inputs.ts';
import { createGraphRepository } from '../../server/graph/repository.ts';
import { credentialsFor, quietLogger } from '../helpers/db.ts';
import { startProductForTests, type TestProduct } from '../helpers/product.ts';

const uri = inject('neo4jUri');
const HUB_DEGREE = 8;

const reference = (name: string) =>
  expandIncludes(
    fs.readFileSync(path.resolve(import.meta.dirname, `../fixtures/reference/${name}.cypher`), 'utf8'),
  );

const FILTERS: Record<string, FilterParams> = {
  none: parseFilter(undefined),
  confirmed: parseFilter({ minCertainty: 'CONFIRMED' }),
  'reported by 2024-02-28': parseFilter({ publishedTo: '2024-02-28' }),
  'event on 2024-02-28, dated only': parseFilter({
    occurredFrom: '2024-02-28',
    occurredTo: '2024-02-28',
    includeUndated: false,
  }),
};

/** The reference's single record, mapped the way the one-record answer was. */
function referenceSubgraph(row: Row) {
  return {
    found: [...((row.found as string[] | null) ?? [])].sort(),
    nodes: toEntities(row.nodes),
    relationships: attachSources(
      Array.isArray(row.relationships) ? row.relationships.map(toRelationship) : [],
      toSources(row.sources),
    ),
    total: Number(row.total),
    countedDepth: Number(row.countedDepth),
    hubsNotExpanded: (row.hubsNotExpanded as string[] | null) ?? [],
  };
}

describe('streamed answers equal the one-record reference', () => {
  let product: TestProduct;
  let db: Database;
  let referenceDb: Database;
  let entityIds: string[];
  beforeAll(async () => {
    product = await startProductForTests(uri);
    const options = {
      uri,
      auth: credentialsFor(uri),
      database: 'neo4j',
      queryTimeoutMs: 60_000,
      logger: quietLogger(),
    };
    db = createDatabase(options);
    referenceDb = createDatabase({
      ...options,
      catalog: {
        ...loadCypherCatalog(),
        'find-neighborhood': reference('find-neighborhood'),
        'find-paths': reference('find-paths'),
      },
    });
    const rows = await db.read('list-entities', {
      kinds: null,
      includeDeleted: false,
      first: 1000,
      after: null,
    });
    entityIds = ((rows[0]!.entities as { id: string }[]) ?? []).map((e) => e.id);
  });
  afterAll(async () => {
    await db.close();
    await referenceDb.close();
    await product.close();
  });

  it('the seed has enough entities to ask many questions', () => {
    expect(entityIds.length).toBeGreaterThan(30);
  });

  it(
    'neighbourhoods: every entity, depth 1 and 2, four filters, capped and not',
    { timeout: 300_000 },
    async () => {
      const graph = createGraphRepository(db, { hubDegree: HUB_DEGREE });
      let compared = 0;
      let withRelationships = 0;
      for (const [name, filter] of Object.entries(FILTERS)) {
        for (const id of entityIds) {
          for (const depth of [1, 2]) {
            for (const limit of [7, 300]) {
              const question = `${id} depth ${depth} limit ${limit} filter ${name}`;
              const params = { ids: [id], depth, limit, hubDegree: HUB_DEGREE, ...filter };
              const expected = referenceSubgraph((await referenceDb.read('find-neighborhood', params))[0]!);
              const actual = await graph.neighborhood({ ids: [id], depth, limit, filter });
              expect(actual.nodes, question).toEqual(expected.nodes);
              expect(actual.relationships, question).toEqual(expected.relationships);
              expect(actual.totalNodes, question).toBe(expected.total);
              expect(actual.truncated, question).toBe(expected.total > expected.nodes.length);
              expect(actual.countedDepth, question).toBe(expected.countedDepth);
              expect(actual.hubsNotExpanded, question).toEqual(expected.hubsNotExpanded);
              compared += 1;
              if (expected.relationships.some((r) => r.evidence.length > 0)) withRelationships += 1;
            }
          }
        }
      }
      // The comparison is only worth something when the answers hold evidence with sources.
      expect(compared).toBe(Object.keys(FILTERS).length * entityIds.length * 4);
      expect(withRelationships).toBeGreaterThan(compared / 2);
    },
  );

  it('paths: pairs of entities, four filters', { timeout: 300_000 }, async () => {
    const graph = createGraphRepository(db, { hubDegree: HUB_DEGREE });
    let nonEmpty = 0;
    const pairs = entityIds.slice(0, 12).flatMap((a, i) => entityIds.slice(i + 1, 12).map((b) => [a, b]));
    for (const [name, filter] of Object.entries(FILTERS)) {
      for (const [fromId, toId] of pairs) {
        const args = { fromId: fromId!, toId: toId!, maxLength: 4, first: 3 };
        const row = (await referenceDb.read('find-paths', { ...args, ...filter }))[0]!;
        const sources = toSources(row.sources);
        const expected = ((row.paths ?? []) as { nodes: never; relationships: never[] }[]).map((p) => ({
          nodes: toEntities(p.nodes),
          relationships: attachSources(p.relationships.map(toRelationship), sources),
        }));
        const actual = await graph.paths({ ...args, filter });
        // Paths of equal length may come in either order from SHORTEST; compare them as a set.
        const key = (p: { nodes: { id: string }[]; relationships: { id: string }[] }) =>
          JSON.stringify([p.nodes.map((n) => n.id), p.relationships.map((r) => r.id)]);
        const sort = <T extends Parameters<typeof key>[0]>(list: T[]) =>
          [...list].sort((a, b) => key(a).localeCompare(key(b)));
        expect(sort(actual), `${fromId} → ${toId} filter ${name}`).toEqual(sort(expected));
        if (expected.length > 0) nonEmpty += 1;
      }
    }
    expect(nonEmpty).toBeGreaterThan(pairs.length);
  });

  it('search hits carry the same entity as reading it whole', async () => {
    const graph = createGraphRepository(db, { hubDegree: HUB_DEGREE });
    for (const text of ['삼성', 'Meta', 'zuck', 'ㅈㅋㅂㄱ', 'LG']) {
      const hits = await graph.search({ text, kinds: null, first: 10 });
      expect(hits.length, text).toBeGreaterThan(0);
      for (const hit of hits) expect(hit.entity, text).toEqual(await graph.entity(hit.entity.id));
    }
  });
});
