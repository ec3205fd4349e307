// Issue 12, item 4: concurrent merges corrupted the graph ("b into a" ‖ "b into c" both succeeded, 9/12;
// "a into b" ‖ "b into a" both succeeded and both entities vanished, 11/12), a relationship created while
// its end was merged stayed on the merged entity (5/15), and evidence added while its relationship was
// deleted landed on a deleted relationship (4/15). Each race runs 50 times against the real Neo4j, through
// the API, and the graph is checked after every round.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importDocument } from '../../server/graph/import/importer.ts';
import { parseJsonDocument } from '../../server/graph/import/parse.ts';
import { testDatabase, testDriver } from '../helpers/db.ts';
import { errorCode, gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

const uri = inject('neo4jUri');
const ROUNDS = 50;
const SOURCE = 'race-source';
const ids = (i: number) => ({ a: `race-a-${i}`, b: `race-b-${i}`, c: `race-c-${i}`, d: `race-d-${i}` });

let product: TestProduct;
beforeAll(async () => {
  product = await startProductForTests(uri, {
    seed: false,
    env: { LINKAGE_RESPONSE_CACHE_TTL_MS: '0', LINKAGE_QUERY_TIMEOUT_MS: '120000' },
  });
  // Four fresh entities per round and per race (prefix), b linked to d and a linked to d.
  const entities: object[] = [];
  const relationships: object[] = [];
  for (const race of ['m1', 'm2', 'cr', 'ev']) {
    for (let i = 0; i < ROUNDS; i += 1) {
      const { a, b, c, d } = ids(i);
      for (const id of [a, b, c, d])
        entities.push({ id: `${race}-${id}`, kind: 'Organization', name: `${race} ${id}` });
      const evidence = [{ quote: `${race} ${i} works with`, certainty: 'REPORTED', source: SOURCE }];
      relationships.push({ type: 'WORKS_WITH', from: `${race}-${b}`, to: `${race}-${d}`, evidence });
      relationships.push({ type: 'PARTNERS_WITH', from: `${race}-${a}`, to: `${race}-${d}`, evidence });
    }
  }
  const db = testDatabase(uri);
  try {
    await db.applySchema();
    const doc = parseJsonDocument(
      JSON.stringify({
        format: 'linkage/v1',
        source: { id: SOURCE, title: 'Race fixtures', publishedAt: '2024-01-01', language: 'en' },
        entities,
        relationships,
      }),
      'races',
    );
    await importDocument(db, doc, { file: 'races' });
  } finally {
    await db.close();
  }
});
afterAll(() => product?.close());

const edit = (query: string, variables: Record<string, unknown>) =>
  gql(product.url, query, variables, product.editorToken);
const merge = (keepId: string, mergeId: string) =>
  edit('mutation ($k: ID!, $m: ID!) { mergeEntities(keepId: $k, mergeId: $m) { mergeId } }', {
    k: keepId,
    m: mergeId,
  });

async function cypher(query: string, params: Record<string, unknown>) {
  const driver = testDriver(uri, { disableLosslessIntegers: true });
  try {
    const { records } = await driver.executeQuery(query, params, { database: 'neo4j' });
    return records.map((r) => r.toObject());
  } finally {
    await driver.close();
  }
}

/** Every live relationship still attached to an entity that is merged or deleted (must be none). */
const attachedToDead = (prefix: string) =>
  cypher(
    `MATCH (n:Entity)-[r]-(:Entity) WHERE n.id STARTS WITH $prefix AND n.deleted = true AND r.deleted = false
     RETURN n.id AS id, type(r) AS type`,
    { prefix },
  );

const succeeded = (response: { errors?: unknown[] }) => !response.errors;
const refusedWith = (response: Parameters<typeof errorCode>[0]) => String(errorCode(response));

describe('concurrent merges (50 rounds each)', () => {
  it('"b into a" ‖ "b into c": one wins, and b and its relationships all go to the winner', async () => {
    let both = 0;
    const codes = new Set<string>();
    for (let i = 0; i < ROUNDS; i += 1) {
      const { a, b, c, d } = Object.fromEntries(Object.entries(ids(i)).map(([k, v]) => [k, `m1-${v}`]));
      const [intoA, intoC] = await Promise.all([merge(a!, b!), merge(c!, b!)]);
      if (succeeded(intoA) && succeeded(intoC)) both += 1;
      expect(succeeded(intoA) || succeeded(intoC), `round ${i}`).toBe(true);
      for (const r of [intoA, intoC]) if (!succeeded(r)) codes.add(refusedWith(r));
      const winner = succeeded(intoA) ? a! : c!;
      const [row] = await cypher(
        `MATCH (b:Entity {id: $b}) RETURN b.mergedInto AS into,
           EXISTS { (:Entity {id: $winner})-[:WORKS_WITH]->(:Entity {id: $d}) } AS moved`,
        { b, winner, d },
      );
      expect(row, `round ${i}`).toEqual({ into: winner, moved: true });
    }
    expect(both).toBe(0);
    expect([...codes].every((code) => code === 'NOT_FOUND' || code === 'CONFLICT')).toBe(true);
    expect(await attachedToDead('m1-')).toEqual([]);
  });

  it('"a into b" ‖ "b into a": exactly one survives, live and reachable', async () => {
    let both = 0;
    for (let i = 0; i < ROUNDS; i += 1) {
      const { a, b } = ids(i);
      const [x, y] = [`m2-${a}`, `m2-${b}`];
      const [aIntoB, bIntoA] = await Promise.all([merge(y, x), merge(x, y)]);
      if (succeeded(aIntoB) && succeeded(bIntoA)) both += 1;
      const live = await cypher(
        'MATCH (n:Entity) WHERE n.id IN $ids AND n.deleted = false RETURN n.id AS id',
        {
          ids: [x, y],
        },
      );
      expect(live.length, `round ${i}`).toBe(1);
    }
    expect(both).toBe(0);
    expect(await attachedToDead('m2-')).toEqual([]);
  });

  it('createRelationship ‖ mergeEntities: the new relationship never stays on the merged entity', async () => {
    for (let i = 0; i < ROUNDS; i += 1) {
      const { a, b, d } = Object.fromEntries(Object.entries(ids(i)).map(([k, v]) => [k, `cr-${v}`]));
      const [created, merged] = await Promise.all([
        edit('mutation ($input: CreateRelationshipInput!) { createRelationship(input: $input) { id } }', {
          input: {
            type: 'SUPPLIES',
            fromId: b,
            toId: d,
            evidence: [{ quote: `race ${i} supplies`, certainty: 'REPORTED', sourceId: SOURCE }],
          },
        }),
        merge(a!, b!),
      ]);
      expect(succeeded(merged), `round ${i}: ${JSON.stringify(merged.errors)}`).toBe(true);
      if (!succeeded(created)) expect(refusedWith(created)).toBe('NOT_FOUND');
      else {
        const [row] = await cypher(
          'RETURN EXISTS { (:Entity {id: $a})-[:SUPPLIES]->(:Entity {id: $d}) } AS onKept',
          { a, d },
        );
        expect(row, `round ${i}`).toEqual({ onKept: true });
      }
    }
    expect(await attachedToDead('cr-')).toEqual([]);
  });

  it('addEvidence ‖ deleteRelationship: acknowledged evidence never lands on a deleted relationship', async () => {
    let both = 0;
    for (let i = 0; i < ROUNDS; i += 1) {
      const { a, d } = ids(i);
      const id = `ev-${a}:PARTNERS_WITH:ev-${d}`;
      const [added, deleted] = await Promise.all([
        edit(
          'mutation ($id: ID!, $e: EvidenceInput!) { addEvidence(relationshipId: $id, evidence: $e) { id } }',
          { id, e: { quote: `race ${i} confirmed`, certainty: 'CONFIRMED', sourceId: SOURCE } },
        ),
        edit('mutation ($id: ID!) { deleteRelationship(id: $id, version: 1) { id } }', { id }),
      ]);
      if (succeeded(added) && succeeded(deleted)) both += 1;
      if (succeeded(added)) {
        const [row] = await cypher(
          'MATCH ()-[r]->() WHERE r.id = $id RETURN r.deleted AS deleted, size(r.evidence) AS evidence',
          { id },
        );
        expect(row, `round ${i}`).toEqual({ deleted: false, evidence: 2 });
      }
    }
    expect(both).toBe(0);
  });
});
