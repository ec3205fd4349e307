// A database written before evidence-level truth (evidence as JSON only, one event time per
// relationship) is brought to the current shape at start-up, and reads the same afterwards.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { UNFILTERED } from '../../server/graph/inputs.ts';
import { migrate } from '../../server/graph/migrations.ts';
import { createGraphRepository } from '../../server/graph/repository.ts';
import { quietLogger, testDatabase, testDriver, wipeDatabase } from '../helpers/db.ts';

const uri = inject('neo4jUri');
let db: Database;
const driver = testDriver(uri);

const legacyEvidence = (quote: string, certainty: string) =>
  JSON.stringify({
    id: `ev-${quote}`,
    quote,
    translation: null,
    attributedTo: null,
    certainty,
    sourceId: 'old-source',
    addedAt: '2024-01-01',
    addedBy: 'seed',
  });

beforeAll(async () => {
  await wipeDatabase(uri);
  db = testDatabase(uri);
  await db.applySchema();
  // The shape the previous version stored.
  await driver.executeQuery(
    `CREATE (:Source {id: 'old-source', title: 'Old', publishedAt: '2024-02-29'})
     CREATE (a:Entity:Organization {id: 'old-a', kind: 'Organization', name: 'A', aliases: [], deleted: false, version: 1, properties: '{}', notes: []})
     CREATE (b:Entity:Organization {id: 'old-b', kind: 'Organization', name: 'B', aliases: [], deleted: false, version: 1, properties: '{}', notes: []})
     CREATE (a)-[:SUPPLIES {id: 'old-a:SUPPLIES:old-b', occurredAt: '2023', occurredFrom: '2023-01-01', occurredTo: '2023-12-31',
       certaintyRank: 3, evidence: $evidence, evidenceIds: ['ev-one', 'ev-two'], sourceIds: ['old-source'],
       publishedDates: ['2024-02-29'], properties: '{}', version: 4, deleted: false, notes: []}]->(b)`,
    { evidence: [legacyEvidence('one', 'REPORTED'), legacyEvidence('two', 'CONFIRMED')] },
  );
  // The shape stored before evidence kept its worded event date beside the JSON (evOccurredAt), as a
  // relationship and as the snapshot a merge keeps for its undo.
  const dated = (quote: string, occurredAt: string | null) =>
    JSON.stringify({ ...JSON.parse(legacyEvidence(quote, 'CONFIRMED')), stance: 'SUPPORTS', occurredAt });
  const lists = `evidence: $evidence, evidenceIds: ['ev-may', 'ev-undated'], evRank: [3, 3],
    evStance: ['SUPPORTS', 'SUPPORTS'], evOccurredFrom: ['2023-05-01', ''], evOccurredTo: ['2023-05-31', ''],
    evSourceIds: ['old-source', 'old-source'], evPublishedAt: ['2024-02-29', '2024-02-29'],
    sourceIds: ['old-source'], publishedDates: ['2024-02-29'], certaintyRank: 3, occurredFrom: '2023-05-01',
    occurredTo: '2023-05-31', disputed: false, properties: '{}', version: 1, deleted: false, notes: []`;
  await driver.executeQuery(
    `CREATE (c:Entity:Organization {id: 'old-c', kind: 'Organization', name: 'C', aliases: [], deleted: false, version: 1, properties: '{}', notes: []})
     CREATE (d:Entity:Organization {id: 'old-d', kind: 'Organization', name: 'D', aliases: [], deleted: false, version: 1, properties: '{}', notes: []})
     CREATE (c)-[:OWNS {id: 'old-c:OWNS:old-d', ${lists}}]->(d)
     CREATE (:RelSnapshot {_type: 'OWNS', _from: 'old-c', _to: 'old-d', id: 'old-c:OWNS:old-d', ${lists}})`,
    { evidence: [dated('may', '2023-05'), dated('undated', null)] },
  );
});
afterAll(async () => {
  await db?.close();
  await driver.close();
});

describe('migrating evidence to per-evidence lists', () => {
  it('gives each old evidence the old event time and keeps what the relationship read before', async () => {
    await migrate(db, quietLogger());
    const graph = createGraphRepository(db);
    const r = (await graph.relationship('old-a:SUPPLIES:old-b'))!;
    expect(r).toMatchObject({
      certainty: 'CONFIRMED',
      occurredAt: '2023',
      sourceCount: 1,
      disputed: false,
      version: 4,
    });
    expect(r.evidence.map((e) => [e.quote, e.occurredAt, e.stance])).toEqual([
      ['one', '2023', 'SUPPORTS'],
      ['two', '2023', 'SUPPORTS'],
    ]);
    const window = await graph.neighborhood({
      ids: ['old-a'],
      depth: 1,
      limit: 10,
      filter: { ...UNFILTERED, minRank: 3, evidenceFiltered: true },
    });
    expect(window.relationships[0]!.evidence.map((e) => e.quote)).toEqual(['two']);
  });

  it('lists each evidence event date as worded beside the JSON, on relationships and merge snapshots', async () => {
    const { records } = await driver.executeQuery(
      `MATCH ()-[r:OWNS]->() MATCH (s:RelSnapshot) RETURN r.evOccurredAt AS r, s.evOccurredAt AS s`,
    );
    expect(records.map((x) => [x.get('r'), x.get('s')])).toEqual([
      [
        ['2023-05', ''],
        ['2023-05', ''],
      ],
    ]);
    const graph = createGraphRepository(db);
    const canvas = await graph.neighborhood({
      ids: ['old-c'],
      depth: 1,
      limit: 10,
      filter: UNFILTERED,
      evidence: 'facts',
    });
    expect(canvas.relationships[0]).toMatchObject({ occurredAt: '2023-05' });
    expect(canvas.relationships[0]!.evidence.map((e) => [e.id, e.occurredAt])).toEqual([
      ['ev-may', '2023-05'],
      ['ev-undated', null],
    ]);
  });

  it('is done once: the marker stops the scan and a second run changes nothing', async () => {
    await migrate(db, quietLogger());
    const { records } = await driver.executeQuery(
      `MATCH (m:Migration {id: 'evidence-lists'}) RETURN count(m) AS markers`,
    );
    expect(records[0]!.get('markers').toNumber()).toBe(1);
    expect((await db.read('find-unmigrated-relationships', { batch: 10 })).length).toBe(0);
    expect((await db.read('find-evidence-without-occurred-at', { batch: 10 })).length).toBe(0);
  });
});
