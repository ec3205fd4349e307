// Hubs' ranked first hop (cypher/fragments/hub-refresh): a hub asked for alone and unfiltered is answered
// from its HubNeighbours list, which every write keeps true in its own transaction. After each kind of
// write, the answer from the list must be byte-identical to the scan's ($hubLists false) for the same
// question, for a hub whose list is cut at 2000 (samsung-electronics, given 2,100 more neighbours) and one
// whose list holds every neighbour (mid-hub, 350).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { exportGraph } from '../../server/graph/backup/export.ts';
import { restoreDocument } from '../../server/graph/backup/restore.ts';
import { importDocument } from '../../server/graph/import/importer.ts';
import type { ImportDocument } from '../../server/graph/import/format.ts';
import { CreateRelationshipInput, EvidenceInputSchema, UNFILTERED } from '../../server/graph/inputs.ts';
import { createGraphRepository } from '../../server/graph/repository.ts';
import { testDatabase, testDriver, wipeDatabase } from '../helpers/db.ts';
import { startProductForTests, type TestProduct } from '../helpers/product.ts';

const uri = inject('neo4jUri');
const BIG = 'samsung-electronics';
const MID = 'mid-hub';
const LEAVES = 2100;
const SOURCE = 'hub-lists-source';
const CERTAINTIES = ['CONFIRMED', 'REPORTED', 'SPECULATIVE'] as const;
const editor = { name: 'hub-lists-test' };
const leaf = (i: number) => `leaf-${String(i).padStart(4, '0')}`;

function evidence(i: number, certainty: (typeof CERTAINTIES)[number], occurredAt: string | null) {
  return { quote: `quote ${i}`, certainty, occurredAt, source: SOURCE };
}

// Ranks that tie often (three certainties, twenty years, some undated), so ids decide many places.
function hubDocument(): ImportDocument {
  const entities: ImportDocument['entities'] = [
    { id: MID, kind: 'Organization', name: 'Mid Hub', aliases: [], properties: {} },
  ];
  const relationships: ImportDocument['relationships'] = [];
  for (let i = 0; i < LEAVES; i++) {
    entities.push({
      id: leaf(i),
      kind: 'Organization',
      name: `Leaf ${i}`,
      aliases: [],
      properties: {},
      ...(i % 89 === 5 ? { deleted: true } : {}),
    });
    const year = i % 7 === 0 ? null : String(2000 + (i % 20));
    relationships.push({
      type: 'SUPPLIES',
      from: BIG,
      to: leaf(i),
      properties: {},
      evidence: [evidence(i, CERTAINTIES[i % 3]!, year)],
      ...(i % 97 === 3 ? { deleted: true } : {}),
    });
    if (i % 5 === 0)
      relationships.push({
        type: 'PARTNERS_WITH',
        from: leaf(i),
        to: BIG,
        properties: {},
        evidence: [evidence(i, CERTAINTIES[(i + 1) % 3]!, String(2000 + (i % 11)))],
      });
    if (i < 350)
      relationships.push({
        type: 'OWNS',
        from: MID,
        to: leaf(i),
        properties: {},
        evidence: [evidence(i, CERTAINTIES[(i + 2) % 3]!, year)],
      });
  }
  return {
    format: 'linkage/v1',
    sources: [{ id: SOURCE, title: 'Hub lists', publisher: 'Linkage tests', publishedAt: '2024-01-01' }],
    entities,
    relationships,
  } as ImportDocument;
}

let product: TestProduct;
let db: Database;
let graph: ReturnType<typeof createGraphRepository>;
const driver = testDriver(uri);

async function neighbourhood(id: string, depth: number, limit: number, hubLists: boolean, evidence: string) {
  const rows = await db.read('find-neighborhood', {
    ...UNFILTERED,
    ids: [id],
    depth,
    limit,
    hubDegree: 1000,
    hubLists,
    evidence,
  });
  return JSON.stringify(rows);
}

async function storedList(id: string) {
  const { records } = await driver.executeQuery(
    'MATCH (l:HubNeighbours {id: $id}) RETURN l.count AS count, size(l.ids) AS listed',
    { id },
    { database: 'neo4j' },
  );
  const record = records[0];
  return record ? { count: Number(record.get('count')), listed: Number(record.get('listed')) } : null;
}

/** The list answers exactly as the scan would, for each question it may answer. */
async function expectListAnswersAsScan() {
  const big = await storedList(BIG);
  const mid = await storedList(MID);
  // The big hub's list is cut (more neighbours than listed), the mid hub's holds them all.
  expect(big!.count).toBeGreaterThan(big!.listed);
  expect(big!.listed).toBe(2000);
  expect(mid!.count).toBe(mid!.listed);
  for (const [id, depth, limit, evidence] of [
    [BIG, 1, 2000, 'FACTS'],
    [BIG, 1, 300, 'TEXT'],
    [BIG, 2, 300, 'NONE'],
    [MID, 1, 2000, 'FACTS'],
    [MID, 2, 300, 'NONE'],
    [MID, 1, 20, 'NONE'],
  ] as const) {
    const scanned = await neighbourhood(id, depth, limit, false, evidence);
    const listed = await neighbourhood(id, depth, limit, true, evidence);
    expect(listed, `${id} depth ${depth} limit ${limit}`).toBe(scanned);
  }
}

/** The id at a place of the big hub's list (the ranking the scan makes). */
async function listedAt(place: number): Promise<string> {
  const { records } = await driver.executeQuery(
    'MATCH (l:HubNeighbours {id: $id}) RETURN l.ids[toInteger($place)] AS id',
    { id: BIG, place },
    { database: 'neo4j' },
  );
  return String(records[0]!.get('id'));
}

/** A live neighbour of the big hub below its list's cut. */
async function unlistedLeaf(): Promise<string> {
  const { records } = await driver.executeQuery(
    `MATCH (l:HubNeighbours {id: $id}) MATCH (:Entity {id: $id})-[r:SUPPLIES]->(b:Entity)
     WHERE r.deleted = false AND b.deleted = false AND NOT b.id IN l.ids
     RETURN b.id AS id ORDER BY id DESC LIMIT 1`,
    { id: BIG },
    { database: 'neo4j' },
  );
  return String(records[0]!.get('id'));
}

async function relationshipVersion(id: string) {
  return (await graph.relationship(id))!.version;
}

describe('hub neighbour lists answer as the scan does after every kind of write', () => {
  beforeAll(async () => {
    product = await startProductForTests(uri);
    db = testDatabase(uri);
    graph = createGraphRepository(db, { hubDegree: 1000 });
    await importDocument(db, hubDocument(), { file: 'hub-lists.json' });
  }, 240_000);
  afterAll(async () => {
    await db?.close();
    await driver.close();
    await product?.close();
  });

  it('after an import', async () => {
    await expectListAnswersAsScan();
  });

  it('after creating relationships: a new top neighbour, and an unlisted one rising into the list', async () => {
    const unlisted = await unlistedLeaf();
    await graph.createEntity(
      { id: 'fresh-leaf', kind: 'Organization', name: 'Fresh Leaf', aliases: [], properties: {} } as never,
      editor,
    );
    for (const [from, to, year] of [
      [BIG, 'fresh-leaf', '2030'],
      [MID, 'fresh-leaf', '2031'],
      [unlisted, BIG, '2029'],
      [MID, leaf(1999), '2028'],
    ] as const) {
      await graph.createRelationship(
        CreateRelationshipInput.parse({
          type: 'INVESTED_IN',
          fromId: from,
          toId: to,
          evidence: [{ quote: 'q', certainty: 'CONFIRMED', occurredAt: year, sourceId: SOURCE }],
        }),
        editor,
      );
    }
    expect(await listedAt(0)).toBe('fresh-leaf');
    expect(await unlistedLeaf()).not.toBe(unlisted);
    await expectListAnswersAsScan();
  });

  it('after editing a relationship and adding stronger evidence to a low one', async () => {
    const last = await listedAt(1999);
    const id = `${BIG}:SUPPLIES:${last}`;
    await graph.updateRelationship(id, await relationshipVersion(id), { properties: { note: 1 } }, editor);
    await graph.addEvidence(
      id,
      EvidenceInputSchema.parse({
        quote: 'stronger',
        certainty: 'CONFIRMED',
        occurredAt: '2025',
        sourceId: SOURCE,
      }),
      editor,
    );
    await expectListAnswersAsScan();
  });

  it('after deleting and restoring relationships, listed (the cut list re-ranks) and unlisted', async () => {
    const top = `${BIG}:INVESTED_IN:fresh-leaf`;
    const lastListed = `${BIG}:SUPPLIES:${await listedAt(1999)}`;
    const unlisted = `${BIG}:SUPPLIES:${await unlistedLeaf()}`;
    for (const id of [top, lastListed, unlisted]) {
      await graph.setRelationshipDeleted(id, await relationshipVersion(id), true, editor);
      await expectListAnswersAsScan();
    }
    for (const id of [top, lastListed, unlisted]) {
      await graph.setRelationshipDeleted(id, null, false, editor);
      await expectListAnswersAsScan();
    }
  });

  it('after deleting and restoring entities', async () => {
    const listed = await listedAt(3);
    for (const id of [listed, leaf(2)]) {
      const entity = (await graph.entity(id))!;
      await graph.setEntityDeleted(id, entity.version, true, editor);
      await expectListAnswersAsScan();
      await graph.setEntityDeleted(id, null, false, editor);
      await expectListAnswersAsScan();
    }
  });

  it('after merging two neighbours of both hubs and undoing it', async () => {
    const { mergeId } = await graph.mergeEntities(leaf(10), leaf(11), editor);
    await expectListAnswersAsScan();
    await graph.unmergeEntities(mergeId, editor);
    await expectListAnswersAsScan();
  });

  it('after a second import that adds evidence, new neighbours and deleted relationships', async () => {
    const doc = hubDocument();
    doc.entities = [
      ...doc.entities,
      { id: 'late-leaf', kind: 'Organization', name: 'Late Leaf', aliases: [], properties: {} },
    ] as ImportDocument['entities'];
    doc.relationships = [
      {
        type: 'SUPPLIES',
        from: BIG,
        to: leaf(2097),
        properties: {},
        evidence: [evidence(9, 'CONFIRMED', '2035')],
      },
      {
        type: 'LICENSES',
        from: BIG,
        to: 'late-leaf',
        properties: {},
        evidence: [evidence(8, 'CONFIRMED', '2036')],
      },
      {
        type: 'LICENSES',
        from: BIG,
        to: await listedAt(1),
        properties: {},
        deleted: true,
        evidence: [evidence(7, 'REPORTED', '2001')],
      },
      {
        type: 'LICENSES',
        from: MID,
        to: 'late-leaf',
        properties: {},
        evidence: [evidence(6, 'REPORTED', null)],
      },
    ] as ImportDocument['relationships'];
    await importDocument(db, doc, { file: 'hub-lists-2.json' });
    expect(await listedAt(0)).toBe('late-leaf');
    await expectListAnswersAsScan();
  });

  it('after accepting a proposal', async () => {
    const proposal = await graph.proposeClaims(
      {
        text: '삼성전자 이재용 회장은 28일 마크 저커버그 메타 CEO와 만나 AI칩 협력을 논의했다고 밝혔다.',
        source: { title: 't', publisher: 'p', publishedAt: '2024-02-29' },
      },
      editor,
    );
    expect(proposal.claims.length).toBeGreaterThan(0);
    await graph.acceptProposal(proposal.id, null, editor);
    await expectListAnswersAsScan();
  });

  it('after a restore from backup', async () => {
    const backup = await exportGraph(db);
    await wipeDatabase(uri);
    expect(await storedList(BIG)).toBeNull();
    await restoreDocument(db, backup as unknown as ImportDocument, { file: 'hub-lists-backup.json' });
    await expectListAnswersAsScan();
  });
});
