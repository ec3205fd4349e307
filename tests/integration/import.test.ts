// The importer against a real Neo4j: the seed graph's integrity, idempotent re-imports, a second source
// adding evidence, CSV = JSON, and every class of bad input rejected with its message and nothing written.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { importDocument } from '../../server/graph/import/importer.ts';
import { ImportError, parseJsonDocument, readImportFile } from '../../server/graph/import/parse.ts';
import { seedFiles } from '../../server/graph/import/seeds.ts';
import { graphCounts, graphHash, neo4jEnv, testDatabase, wipeDatabase } from '../helpers/db.ts';
import { writeCsvFolder } from '../helpers/csv.ts';

const root = path.resolve(import.meta.dirname, '../..');
const seedFile = seedFiles()[0]!;
const seed = JSON.parse(fs.readFileSync(seedFile, 'utf8'));
const article = path.resolve(root, '../shared/seed/000_7f3208e37ee62be8.txt');

let db: Database;
let uri: string;
let tmp: string;

async function importSeed() {
  return importDocument(db, readImportFile(seedFile), { file: seedFile });
}

/** Imports `doc` (as JSON text), expecting rejection; returns the ImportError's text. */
async function rejectedMessage(doc: unknown, file = 'bad.json'): Promise<string> {
  try {
    const parsed = parseJsonDocument(typeof doc === 'string' ? doc : JSON.stringify(doc), file);
    await importDocument(db, parsed, { file });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('the import was accepted');
}

const clone = () => JSON.parse(JSON.stringify(seed));

beforeAll(async () => {
  uri = inject('neo4jUri');
  db = testDatabase(uri);
  await wipeDatabase(uri);
  await db.applySchema();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-import-'));
});
afterAll(async () => {
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the seed graph', () => {
  beforeAll(async () => {
    await wipeDatabase(uri);
    await importSeed();
  });

  it('gives every relationship evidence with a quote and a certainty, and resolves every id', () => {
    const ids = new Set(seed.entities.map((e: { id: string }) => e.id));
    for (const r of seed.relationships) {
      expect(ids.has(r.from), r.from).toBe(true);
      expect(ids.has(r.to), r.to).toBe(true);
      expect(r.evidence.length).toBeGreaterThan(0);
      for (const ev of r.evidence) {
        expect(ev.quote.trim().length).toBeGreaterThan(0);
        expect(['CONFIRMED', 'REPORTED', 'SPECULATIVE']).toContain(ev.certainty);
        expect(ev.translation?.length ?? 0).toBeGreaterThan(0);
      }
    }
  });

  it('quotes the article verbatim and only in fragments', () => {
    expect(fs.existsSync(article), `the seed article is expected at ${article}`).toBe(true);
    const text = fs.readFileSync(article, 'utf8');
    const quotes = seed.relationships.flatMap((r: { evidence: { quote: string }[] }) =>
      r.evidence.map((e) => e.quote),
    );
    for (const quote of quotes) expect(text.includes(quote), quote).toBe(true);
    expect(Math.max(...quotes.map((q: string) => q.length))).toBeLessThan(80);
  });

  it('lands whole in the database', async () => {
    const counts = await graphCounts(uri);
    expect(counts.entities).toBe(seed.entities.length);
    expect(counts.relationships).toBe(seed.relationships.length);
    expect(counts.evidence).toBe(
      seed.relationships.reduce((n: number, r: { evidence: unknown[] }) => n + r.evidence.length, 0),
    );
    expect(counts.sources).toBe(1);
  });

  it('re-imports as a no-op', async () => {
    const before = { counts: await graphCounts(uri), hash: await graphHash(uri) };
    const summary = await importSeed();
    expect(summary.changed).toBe(false);
    expect(summary.entities).toEqual({ created: 0, updated: 0, unchanged: seed.entities.length });
    expect(summary.relationships.unchanged).toBe(seed.relationships.length);
    expect(summary.evidenceAdded).toBe(0);
    expect(await graphCounts(uri)).toEqual(before.counts);
    expect(await graphHash(uri)).toBe(before.hash);
  });

  it('reports "nothing changed" from npm run import on a loaded database', () => {
    const result = spawnSync(process.execPath, ['scripts/bootstrap.mjs', 'import', seedFile], {
      cwd: root,
      env: { ...process.env, ...neo4jEnv(uri), LOG_LEVEL: 'error' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.stderr).not.toMatch(/rejected|failed/i);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/nothing changed/);
  });
});

describe('a second source', () => {
  beforeAll(async () => {
    await wipeDatabase(uri);
    await importSeed();
  });

  it('adds its evidence to existing entities and relationships instead of duplicating them', async () => {
    const before = await graphCounts(uri);
    const second = {
      format: 'linkage/v1',
      source: {
        id: 'second-report',
        title: 'Zuckerberg meets Lee',
        publisher: 'Example Wire',
        publishedAt: '2024-03-01',
        language: 'en',
      },
      entities: [{ id: 'lee-jae-yong', kind: 'Person', name: 'Lee Jae-yong', aliases: ['JY Lee'] }],
      relationships: [
        {
          type: 'MET_WITH',
          from: 'mark-zuckerberg',
          to: 'lee-jae-yong',
          evidence: [
            {
              quote: 'Zuckerberg met Samsung chairman Lee Jae-yong',
              attributedTo: 'Example Wire',
              certainty: 'CONFIRMED',
            },
          ],
        },
      ],
    };
    const summary = await importDocument(db, parseJsonDocument(JSON.stringify(second), 'second.json'), {
      file: 'second.json',
    });
    expect(summary.entities).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(summary.relationships).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const after = await graphCounts(uri);
    expect(after.entities).toBe(before.entities);
    expect(after.relationships).toBe(before.relationships);
    expect(after.evidence).toBe(before.evidence + 1);
    expect(after.sources).toBe(before.sources + 1);
  });
});

describe('a document citing many sources', () => {
  it('lands whole, and its audit entry is found through any of its sources', async () => {
    await wipeDatabase(uri);
    // Enough long source ids that joining them would exceed Neo4j's index key limit (~8 KB).
    const sources = Array.from({ length: 400 }, (_, i) => ({
      id: `wire-report-${String(i).padStart(4, '0')}-${'x'.repeat(40)}`,
      title: `Report ${i}`,
      publishedAt: '2024-03-01',
      language: 'en',
    }));
    const doc = {
      format: 'linkage/v1',
      sources,
      entities: [
        { id: 'many-sources-a', kind: 'Organization', name: 'Many Sources A' },
        { id: 'many-sources-b', kind: 'Organization', name: 'Many Sources B' },
      ],
      relationships: [
        {
          type: 'PARTNERS_WITH',
          from: 'many-sources-a',
          to: 'many-sources-b',
          evidence: sources.slice(0, 3).map((src, i) => ({
            quote: `A and B partner (${i})`,
            certainty: 'REPORTED',
            source: src.id,
          })),
        },
      ],
    };
    const summary = await importDocument(db, parseJsonDocument(JSON.stringify(doc), 'many.json'), {
      file: 'many.json',
    });
    expect(summary.sources.created).toBe(400);
    const trail = async (targetId: string) =>
      (await db.read('audit-trail', { targetId, first: 10 })).map((row) => row.entry as { action: string });
    for (const id of [sources[0]!.id, sources[399]!.id]) {
      const entries = await trail(id);
      expect(entries.map((e) => e.action)).toEqual(['import']);
    }
  });
});

describe('CSV import', () => {
  it('gives the same graph as the JSON import', async () => {
    await wipeDatabase(uri);
    await importSeed();
    const fromJson = await graphHash(uri);
    const dir = path.join(tmp, 'csv');
    writeCsvFolder(seed, dir);
    await wipeDatabase(uri);
    const summary = await importDocument(db, readImportFile(dir), { file: dir });
    expect(summary.entities.created).toBe(seed.entities.length);
    expect(await graphHash(uri)).toBe(fromJson);
  });

  it('names the CSV line and column of a bad cell and writes nothing', async () => {
    await wipeDatabase(uri);
    const doc = clone();
    doc.relationships[2].evidence[0].certainty = 'PROBABLY';
    const dir = path.join(tmp, 'csv-bad');
    writeCsvFolder(doc, dir);
    const before = await graphCounts(uri);
    let message = '';
    try {
      await importDocument(db, readImportFile(dir), { file: dir });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /relationships\.csv line \d+ column certainty: certainty must be one of CONFIRMED, REPORTED, SPECULATIVE/,
    );
    expect(await graphCounts(uri)).toEqual(before);
  });
});

describe('bad input is rejected with its reason and writes nothing', () => {
  beforeEach(async () => {
    await wipeDatabase(uri);
    await importSeed();
  });

  const cases: [string, () => unknown, RegExp][] = [
    [
      'an unknown kind',
      () => {
        const d = clone();
        d.entities[3].kind = 'Company';
        return d;
      },
      /entities\[3\]\.kind: kind must be one of Organization, Person/,
    ],
    [
      'a dangling id',
      () => {
        const d = clone();
        d.relationships[0].to = 'no-such-entity';
        return d;
      },
      /relationships\[0\]: refers to entity "no-such-entity", which is neither in this file nor in the database/,
    ],
    [
      'missing evidence',
      () => {
        const d = clone();
        d.relationships[5].evidence = [];
        return d;
      },
      /relationships\[5\]\.evidence: every relationship needs at least one evidence record/,
    ],
    [
      'a bad date',
      () => {
        const d = clone();
        d.relationships[1].occurredAt = '2024-02-30';
        return d;
      },
      /relationships\[1\]\.occurredAt: not a valid date/,
    ],
    [
      'a wrong certainty',
      () => {
        const d = clone();
        d.relationships[4].evidence[0].certainty = 'confirmed';
        return d;
      },
      /relationships\[4\]\.evidence\[0\]\.certainty: certainty must be one of/,
    ],
    [
      'duplicate ids',
      () => {
        const d = clone();
        d.entities.push({ ...d.entities[0] });
        return d;
      },
      /duplicate entity id "[a-z0-9-]+"; merge the two records/,
    ],
    [
      'a duplicate relationship',
      () => {
        const d = clone();
        d.relationships.push(d.relationships[0]);
        return d;
      },
      /duplicate relationship .* put all its evidence in one record/,
    ],
    [
      'a lowercase relationship type',
      () => {
        const d = clone();
        d.relationships[0].type = 'met_with';
        return d;
      },
      /relationship types are UPPER_SNAKE verbs/,
    ],
    [
      'an injected relationship type',
      () => {
        const d = clone();
        d.relationships[0].type = 'KNOWS]->() DETACH DELETE n//';
        return d;
      },
      /UPPER_SNAKE/,
    ],
    [
      'an unknown field',
      () => {
        const d = clone();
        d.entities[0].colour = 'blue';
        return d;
      },
      /entities\[0\]: Unrecognized key/,
    ],
    ['broken JSON', () => '{"format": "linkage/v1", "entities": [', /not valid JSON/],
    [
      'a missing source',
      () => {
        const d = clone();
        delete d.source;
        return d;
      },
      /needs "source"/,
    ],
  ];

  it.each(cases)('%s', async (_name, make, expected) => {
    const before = { counts: await graphCounts(uri), hash: await graphHash(uri) };
    const message = await rejectedMessage(make());
    expect(message).toMatch(/^Import rejected, nothing was written/);
    expect(message).toContain('bad.json');
    expect(message).toMatch(expected);
    expect(await graphCounts(uri)).toEqual(before.counts);
    expect(await graphHash(uri)).toBe(before.hash);
  });

  it('rejects a file that is not UTF-8, naming the line', () => {
    const file = path.join(tmp, 'latin1.json');
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('{\n"format": "linkage/v1",\n"x": "'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('"}'),
      ]),
    );
    expect(() => readImportFile(file)).toThrow(/latin1\.json line 3: the file is not valid UTF-8/);
  });

  it('writes nothing when a later batch fails inside the transaction', async () => {
    const doc = parseJsonDocument(JSON.stringify(clone()), 'x.json');
    // The relationships statement fails after several entity batches have run in the same transaction.
    let calls = 0;
    const flaky: Database = {
      ...db,
      writeTransaction: (name, work, options) =>
        db.writeTransaction(
          name,
          (tx) =>
            work({
              run: async (query, params) => {
                calls += 1;
                if (query === 'import-relationships')
                  throw new Error('simulated failure after entities were written');
                return tx.run(query, params);
              },
            }),
          options,
        ),
    };
    await wipeDatabase(uri);
    const empty = await graphCounts(uri);
    await expect(importDocument(flaky, doc, { file: 'x.json', batchSize: 10 })).rejects.toThrow(
      /simulated failure/,
    );
    expect(calls).toBeGreaterThan(2);
    expect(await graphCounts(uri)).toEqual(empty);
  });
});
